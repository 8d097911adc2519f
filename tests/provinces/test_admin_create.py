"""An editor's round trip through Wagtail's page form: an initiative under a province."""

from wagtail.test.utils import WagtailPageTests
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from provinces.models import InitiativePage
from tests.factories import ProvincePageFactory, ThemeFactory


class InitiativeAdminTests(WagtailPageTests):
    @classmethod
    def setUpTestData(cls):
        cls.province = ProvincePageFactory(title="Gelderland", code="gelderland")
        cls.theme = ThemeFactory(name="Gezond en duurzaam eten")

    def test_an_initiative_is_created_under_a_province(self):
        data = nested_form_data(
            {
                "title": "Streekboerderij De Vallei",
                "introduction": "Melk en kaas voor de kantine van het provinciehuis.",
                "producers": "Boerderij De Vallei\nKaasmakerij Ede",
                "partners": "Cateraar Vers",
                "products": "Melk\nKaas",
                "municipality": "Ede",
                "website": "https://example.org/vallei",
                "body": streamfield(
                    [
                        ("heading", "Wie doet mee"),
                        ("paragraph", rich_text("<p>Zes boeren leveren <b>elke week</b>.</p>")),
                    ]
                ),
            }
        )
        data["themes"] = [self.theme.pk]

        self.assertCanCreate(self.province, InitiativePage, data)

        page = InitiativePage.objects.get(slug="streekboerderij-de-vallei")
        self.assertTrue(page.live)
        self.assertEqual(page.get_parent().specific, self.province)
        self.assertEqual(page.province, self.province)
        self.assertEqual(page.producer_list(), ["Boerderij De Vallei", "Kaasmakerij Ede"])
        self.assertEqual(list(page.themes.all()), [self.theme])
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph"])
        self.assertIn("<b>elke week</b>", page.body[1].value.source)

    def test_an_initiative_without_producers_is_refused(self):
        data = nested_form_data(
            {"title": "Leeg", "products": "Melk", "municipality": "Ede", "body": streamfield([])}
        )
        with self.assertRaisesMessage(AssertionError, "producers"):
            self.assertCanCreate(self.province, InitiativePage, data)
        self.assertFalse(InitiativePage.objects.filter(title="Leeg").exists())
