"""An editor's round trip through Wagtail's page form: an episode with its video and a chapter."""

from django.urls import reverse

from wagtail.test.utils import WagtailPageTests
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from media_hub.models import EpisodePage
from tests.factories import InitiativePageFactory, SeriesPageFactory, ThemeFactory, VideoFactory


class EpisodeAdminTests(WagtailPageTests):
    @classmethod
    def setUpTestData(cls):
        cls.series = SeriesPageFactory(title="Korte ketens in beeld")
        cls.theme = ThemeFactory(name="Sterke regio's")
        cls.video = VideoFactory(title="Aflevering 1, ruw")
        cls.initiative = InitiativePageFactory(title="Zuivel uit de Vallei")

    def episode_data(self, chapters):
        return nested_form_data(
            {
                "title": "Aflevering 1: sterke regio's",
                "number": "1",
                "theme": self.theme.pk,
                "video": self.video.pk,
                "description": rich_text("<p>Drie initiatieven in Gelderland.</p>"),
                "chapters": inline_formset(chapters),
                "transcript": "Welkom bij de eerste aflevering.",
            }
        )

    def test_an_episode_with_a_chapter_is_created_under_a_series(self):
        chapter = {"start": "1:05", "title": "Bij de melkveehouder", "initiative": self.initiative.pk}

        self.assertCanCreate(self.series, EpisodePage, self.episode_data([chapter]))

        page = EpisodePage.objects.get(slug="aflevering-1-sterke-regios")
        self.assertTrue(page.live)
        self.assertEqual((page.number, page.theme, page.video), (1, self.theme, self.video))
        chapters = list(page.chapters.all())
        self.assertEqual(
            [(c.start, c.title, c.initiative_id) for c in chapters],
            [(65, chapter["title"], self.initiative.pk)],
        )
        self.assertEqual(chapters[0].start_display, "1:05")

    def test_a_chapter_with_an_impossible_time_is_refused(self):
        data = self.episode_data([{"start": "1:75", "title": "Te laat", "initiative": ""}])
        data.update(slug="te-laat", **{"action-publish": "action-publish"})
        url = reverse("wagtailadmin_pages:add", args=["media_hub", "episodepage", self.series.pk])

        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Minuten en seconden gaan tot 59.")
        self.assertFalse(EpisodePage.objects.exists())
