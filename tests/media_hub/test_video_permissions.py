"""Each editor sees, chooses, plays and uploads videos only in the collections they hold rights on."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupCollectionPermission

import pytest

from media_hub.models import Video
from tests.factories import CollectionFactory, EditorFactory, VideoFactory

pytestmark = pytest.mark.django_db


def admin_group(name, *collection_permissions):
    """A group that may use the admin, with ``(codename, collection)`` rights on videos."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename, collection in collection_permissions:
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=Permission.objects.get(codename=codename)
        )
    return group


@pytest.fixture
def collections():
    return CollectionFactory(name="Gelderland"), CollectionFactory(name="Friesland")


@pytest.fixture
def videos(collections):
    gelderland, friesland = collections
    return VideoFactory(title="Kaas uit Gelderland", collection=gelderland), VideoFactory(
        title="Zuivel uit Friesland", collection=friesland
    )


def login_member_of(client, group):
    client.force_login(EditorFactory(groups=[group]))
    return client


def test_an_admin_sees_every_video_in_the_chooser(admin_client, videos):
    response = admin_client.get(reverse("video_chooser:choose"))

    assert response.status_code == 200
    html = response.json()["html"]
    assert "Kaas uit Gelderland" in html
    assert "Zuivel uit Friesland" in html


def test_an_editor_chooses_only_from_their_own_collection(client, collections, videos):
    gelderland, _ = collections
    mine, theirs = videos
    login_member_of(client, admin_group("Gelderland-redactie", ("choose_video", gelderland)))

    html = client.get(reverse("video_chooser:choose")).json()["html"]
    results = client.get(reverse("video_chooser:choose_results"), {"q": "uit"}).content.decode()

    assert mine.title in html and mine.title in results
    assert theirs.title not in html and theirs.title not in results
    assert client.get(reverse("video_chooser:chosen", args=[mine.pk])).status_code == 200
    assert client.get(reverse("video_chooser:chosen", args=[theirs.pk])).status_code == 404


def test_an_editor_without_video_rights_chooses_nothing(client, videos):
    login_member_of(client, admin_group("Lezers"))

    response = client.get(reverse("video_chooser:choose"))

    assert response.status_code == 200
    html = response.json()["html"]
    assert all(video.title not in html for video in videos)
    assert all(client.get(reverse("video_chooser:chosen", args=[v.pk])).status_code == 404 for v in videos)


def test_an_editor_may_preview_only_videos_they_may_choose(client, collections, videos):
    gelderland, _ = collections
    mine, theirs = videos
    login_member_of(client, admin_group("Gelderland-redactie", ("choose_video", gelderland)))

    assert client.get(mine.get_playback_url()).status_code == 302
    assert client.get(theirs.get_playback_url()).status_code == 404


def test_the_video_library_lists_only_the_editors_collections(client, collections, videos):
    gelderland, _ = collections
    mine, theirs = videos
    login_member_of(
        client, admin_group("Gelderland-redactie", ("add_video", gelderland), ("change_video", gelderland))
    )

    response = client.get(reverse("media_hub_video:index"))

    assert response.status_code == 200
    html = response.content.decode()
    assert mine.title in html
    assert theirs.title not in html
    assert client.get(reverse("media_hub_video:edit", args=[theirs.pk])).status_code in (302, 403)


def test_an_editor_uploads_only_into_their_own_collection(client, collections, post_video_form, media_clips):
    gelderland, friesland = collections
    login_member_of(client, admin_group("Gelderland-redactie", ("add_video", gelderland)))

    form = client.get(reverse("media_hub_video:add")).context["form"]
    refused = post_video_form("clip.mp4", media_clips.mp4, client=client, collection=friesland.pk)
    accepted = post_video_form("clip.mp4", media_clips.mp4, client=client, collection=gelderland.pk)

    assert list(form.fields["collection"].queryset) == [gelderland]
    assert refused.status_code == 200 and "collection" in refused.context["form"].errors
    assert accepted.status_code == 302
    assert list(Video.objects.values_list("collection", flat=True)) == [gelderland.pk]
