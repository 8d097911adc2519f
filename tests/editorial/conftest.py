"""The real editorial structure, built once per test module.

home → provinces index → twelve provinces, each with a live initiative and a
draft policy page, its own collection with an image, a document and a video;
then ``setup_editorial`` and one user per group. Each test runs in a savepoint
inside the module's transaction, so tests may change anything.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction

from wagtail.models import Collection, Page, Site

import pytest
import wagtail_factories

from provinces.editorial import MINISTRY_GROUP, PROVINCES_COLLECTION, TASKFORCE_GROUP, setup_editorial
from tests.factories import (
    ContactDeskPageFactory,
    HomePageFactory,
    InitiativePageFactory,
    PolicyPageFactory,
    ProvinceIndexPageFactory,
    ProvincePageFactory,
    UserFactory,
    VideoFactory,
)

PROVINCES = [
    "Drenthe",
    "Flevoland",
    "Fryslân",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
]


@dataclass
class Province:
    name: str
    code: str
    page: Page
    initiative: Page
    policy: Page  # a draft
    collection: Collection
    image: object
    document: object
    video: object
    editor: object
    group: Group


@dataclass
class Tree:
    home: Page
    index: Page
    desk: Page
    ministry: object
    taskforce: object
    provinces: dict = field(default_factory=dict)

    def others(self, province):
        return [other for other in self.provinces.values() if other is not province]


def make_home():
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Korte Keten", slug="korte-keten")
    site.root_page = home
    site.save()
    welcome.delete()
    return home


def make_user(username, group_name, first_name, last_name):
    user = UserFactory(username=username, first_name=first_name, last_name=last_name)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def make_province(index, name):
    code = name.lower().replace("â", "a")
    page = ProvincePageFactory(parent=index, title=name, code=code, slug=code)
    initiative = InitiativePageFactory(parent=page, title=f"Initiatief {name}", slug=f"initiatief-{code}")
    initiative.save_revision().publish()  # live with a live revision, as the admin leaves it
    policy = PolicyPageFactory(parent=page, title=f"Conceptbeleid {name}", slug=f"beleid-{code}", live=False)
    policy.save_revision()
    return page, initiative, policy


def build_tree():
    home = make_home()
    index = ProvinceIndexPageFactory(parent=home, slug="provincies")
    desk = ContactDeskPageFactory(parent=home, slug="loket")
    pages = {name: make_province(index, name) for name in PROVINCES}
    setup_editorial()
    collections = Collection.objects.get(name=PROVINCES_COLLECTION).get_children()
    tree = Tree(
        home=home,
        index=index,
        desk=desk,
        ministry=make_user("ministerie", MINISTRY_GROUP, "Mira", "Ministerie"),
        taskforce=make_user("taskforce", TASKFORCE_GROUP, "Teun", "Taskforce"),
    )
    for name, (page, initiative, policy) in pages.items():
        collection = collections.get(name=name)
        image = wagtail_factories.ImageFactory(title=f"beeld-{page.code}", collection=collection)
        image.get_rendition("max-165x165")  # the choosers' thumbnail, made once for the module
        group = Group.objects.get(name=f"{name} – redactie")
        tree.provinces[name] = Province(
            name=name,
            code=page.code,
            page=page,
            initiative=initiative,
            policy=policy,
            collection=collection,
            image=image,
            document=wagtail_factories.DocumentFactory(title=f"document-{page.code}", collection=collection),
            video=VideoFactory(title=f"video-{page.code}", collection=collection),
            editor=make_user(f"redacteur-{page.code}", group.name, "Redacteur", name),
            group=group,
        )
    return tree


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    """The structure above, rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_tree()
        transaction.set_rollback(True)
    cache.clear()  # Wagtail caches site root paths; they are gone with the rollback


@pytest.fixture
def province(request, tree):
    """Parametrize indirectly with a province name."""
    return tree.provinces[request.param]
