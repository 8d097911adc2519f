"""factory_boy factories for every page type, the theme snippet, collections, videos and users.

Page factories default to a chain of parents up to a fresh home page; pass ``parent=`` to build
under the site's home page instead.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Collection, Page

import factory
import wagtail_factories

from home.models import ContactDeskPage, ContentPage, HomePage, Theme, ThemeIndexPage
from media_hub.models import EpisodePage, MediaHubPage, SeriesPage, Video, WebcastPage
from provinces.models import InitiativePage, PolicyPage, ProvinceIndexPage, ProvincePage

# Bytes of a file the factory stores in S3 as-is; tests that play a video pass real ones.
PLACEHOLDER_VIDEO_BYTES = b"\x00\x00\x00\x18ftypmp42placeholder"


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("korte-keten-test")

    class Meta:
        model = get_user_model()


class SuperUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


class EditorFactory(UserFactory):
    """A member of Wagtail's "Editors" group (made by Wagtail's migrations)."""

    username = factory.Sequence(lambda n: f"editor{n}")

    class Meta:
        skip_postgeneration_save = True  # adding groups needs no second save

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create:
            user.groups.add(*(extracted or [Group.objects.get(name="Editors")]))


class CollectionFactory(wagtail_factories.CollectionFactory):
    name = factory.Sequence(lambda n: f"Collectie {n}")
    parent = factory.LazyFunction(Collection.get_first_root_node)


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    summary = "Korte ketens brengen boer en afnemer bij elkaar."

    class Meta:
        model = Theme


class VideoFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Video {n}")
    file = factory.django.FileField(filename="clip.mp4", data=PLACEHOLDER_VIDEO_BYTES)
    collection = factory.LazyFunction(Collection.get_first_root_node)
    status = Video.Status.READY
    duration = 2.0
    width = 160
    height = 90

    class Meta:
        model = Video


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Korte Keten {n}")
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhoud {n}")
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = ContentPage


class ContactDeskPageFactory(wagtail_factories.PageFactory):
    title = "Loket"
    parent = factory.SubFactory(HomePageFactory)
    to_address = "loket@example.org"
    from_address = "noreply@example.org"
    subject = "Vraag aan het loket"

    class Meta:
        model = ContactDeskPage


class ThemeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Thema's"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = ThemeIndexPage


class ProvinceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Provincies"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = ProvinceIndexPage


class ProvincePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Provincie {n}")
    code = factory.Sequence(lambda n: f"provincie-{n}")
    parent = factory.SubFactory(ProvinceIndexPageFactory)

    class Meta:
        model = ProvincePage


class InitiativePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Initiatief {n}")
    producers = "Boerderij De Hoeve\nTuinderij Zon"
    partners = "Cateraar Vers"
    products = "Melk\nKaas"
    municipality = "Ede"
    parent = factory.SubFactory(ProvincePageFactory)

    class Meta:
        model = InitiativePage


class PolicyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Beleid {n}")
    parent = factory.SubFactory(ProvincePageFactory)

    class Meta:
        model = PolicyPage


class MediaHubPageFactory(wagtail_factories.PageFactory):
    title = "Mediahub"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = MediaHubPage


class SeriesPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Serie {n}")
    parent = factory.SubFactory(MediaHubPageFactory)

    class Meta:
        model = SeriesPage


class EpisodePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Aflevering {n}")
    number = factory.Sequence(lambda n: n + 1)
    theme = factory.SubFactory(ThemeFactory)
    parent = factory.SubFactory(SeriesPageFactory)

    class Meta:
        model = EpisodePage


class WebcastPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Webcast {n}")
    start_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end_at = factory.LazyAttribute(lambda page: page.start_at + datetime.timedelta(hours=2))
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = WebcastPage
