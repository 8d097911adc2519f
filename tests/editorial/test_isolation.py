"""Each of the twelve province editors, through the admin, against the eleven other provinces.

One test per action, parametrized over the editors, with a loop over the other
provinces inside; the tree is built once for the module (see conftest).
"""

import re

from django.urls import reverse

from wagtail.models import Page

import pytest

from media_hub.models import Video
from provinces.models import InitiativePage, PolicyPage

from .conftest import PROVINCES
from .utils import add_url, assert_denied, edit_url, initiative_data, nothing_changes

pytestmark = pytest.mark.django_db
editors = pytest.mark.parametrize("province", PROVINCES, indirect=True)


@pytest.fixture
def editor(client, province):
    client.force_login(province.editor)
    return client


def option_values(html, name):
    """The values of a <select name=...>'s options."""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
    return set(re.findall(r'<option value="(\d+)"', select.group(1))) if select else set()


# --- Pages in other provinces --------------------------------------------------


@editors
def test_cannot_edit_or_publish_there(editor, tree, province):
    with nothing_changes():
        for other in tree.others(province):
            assert_denied(editor.get(edit_url(other.policy)))
            published = initiative_data(other.initiative, title="Gekaapt", **{"action-publish": "1"})
            assert_denied(editor.post(edit_url(other.initiative), published))


@editors
def test_cannot_unpublish_or_delete_there(editor, tree, province):
    with nothing_changes():
        for other in tree.others(province):
            assert_denied(editor.post(reverse("wagtailadmin_pages:unpublish", args=[other.initiative.pk])))
            assert_denied(editor.post(reverse("wagtailadmin_pages:delete", args=[other.policy.pk])))


@editors
def test_cannot_move_pages_in_or_out(editor, tree, province):
    with nothing_changes():
        for other in tree.others(province):
            into_mine = reverse("wagtailadmin_pages:move_confirm", args=[other.policy.pk, province.page.pk])
            assert_denied(editor.post(into_mine))
            # Their own draft may be moved, but never into another province.
            out_of_mine = reverse("wagtailadmin_pages:move_confirm", args=[province.policy.pk, other.page.pk])
            assert_denied(editor.post(out_of_mine))


@editors
def test_cannot_copy_into_other_provinces(editor, tree, province):
    copy_mine = reverse("wagtailadmin_pages:copy", args=[province.initiative.pk])
    with nothing_changes():
        for other in tree.others(province):
            data = {"new_title": "Kopie", "new_slug": f"kopie-{other.code}", "new_parent_page": other.page.pk}
            response = editor.post(copy_mine, data)
            assert response.status_code == 200
            assert "new_parent_page" in response.context["form"].errors


@editors
def test_cannot_create_pages_there(editor, tree, province):
    with nothing_changes():
        for other in tree.others(province):
            assert_denied(
                editor.post(add_url(other.page), initiative_data(title="Ingebroken", slug="ingebroken"))
            )


@editors
def test_cannot_lock_or_read_drafts_there(editor, tree, province):
    with nothing_changes():
        for other in tree.others(province):
            assert_denied(editor.post(reverse("wagtailadmin_pages:lock", args=[other.policy.pk])))
            assert_denied(editor.get(reverse("wagtailadmin_pages:view_draft", args=[other.policy.pk])))


@editors
def test_bulk_actions_skip_other_provinces(editor, tree, province):
    """The bulk views list other provinces' pages as not permitted and leave them alone."""
    ids = "&".join(f"id={other.policy.pk}&id={other.initiative.pk}" for other in tree.others(province))
    with nothing_changes():
        for action in ("publish", "unpublish", "delete"):
            url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?{ids}"
            editor.post(url, {"include_descendants": "on"})
        move = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"]) + f"?{ids}"
        editor.post(move, {"chooser": province.page.pk})


# --- Media in other provinces' collections -------------------------------------

CHOOSERS = {
    "image": "wagtailimages_chooser",
    "document": "wagtaildocs_chooser",
    "video": "video_chooser",
}
SEARCH_PREFIX = {"image": "beeld", "document": "document", "video": "video"}


@editors
def test_choosers_offer_only_their_own_collection(editor, tree, province):
    for kind, chooser in CHOOSERS.items():
        listing = editor.get(reverse(f"{chooser}:choose")).content.decode()
        search = editor.get(reverse(f"{chooser}:choose_results"), {"q": SEARCH_PREFIX[kind]}).content.decode()
        assert getattr(province, kind).title in listing
        assert getattr(province, kind).title in search
        assert option_values(listing, "collection_id") <= {str(province.collection.pk)}
        for other in tree.others(province):
            item = getattr(other, kind)
            assert item.title not in listing + search
            assert other.name not in listing
    for other in tree.others(province):  # choosing by id, past the listing: our own chooser code
        assert_denied(
            editor.get(reverse("video_chooser:chosen", args=[other.video.pk])), not_found_is_fine=True
        )


@editors
def test_media_libraries_show_only_their_own_collection(editor, tree, province):
    for kind, index in {
        "image": "wagtailimages",
        "document": "wagtaildocs",
        "video": "media_hub_video",
    }.items():
        html = editor.get(reverse(f"{index}:index")).content.decode()
        assert getattr(province, kind).title in html
        for other in tree.others(province):
            assert getattr(other, kind).title not in html
            assert other.name not in html
    with nothing_changes():
        for other in tree.others(province):
            for view in ("edit", "history"):
                assert_denied(editor.get(reverse(f"media_hub_video:{view}", args=[other.video.pk])))


@editors
def test_cannot_upload_into_other_collections(editor, tree, province, media_clips):
    """The collection is refused whatever the file; one real clip shows a good file does not help."""
    with nothing_changes():
        for number, other in enumerate(tree.others(province)):
            data = {"title": "Ingebroken", "collection": other.collection.pk}
            if number == 0:
                data["file"] = media_clips.mp4.open("rb")
            response = editor.post(reverse("media_hub_video:add"), data)
            assert response.status_code == 200
            assert "collection" in response.context["form"].errors
            start = editor.post(
                reverse("media_hub_upload:start"),
                {"filename": "ingebroken.mp4", "size": 1000, "collection": other.collection.pk},
                content_type="application/json",
            )
            assert start.status_code == 400
            assert "collection" in start.json()["errors"]


# --- Form submissions, search and listings -----------------------------------------


@editors
def test_cannot_reach_form_submissions(editor, tree, province):
    listing = editor.get(reverse("wagtailforms:index")).content.decode()
    assert reverse("wagtailforms:list_submissions", args=[tree.desk.pk]) not in listing
    assert_denied(editor.get(reverse("wagtailforms:list_submissions", args=[tree.desk.pk])))
    assert_denied(editor.get(reverse("wagtailforms:delete_submissions", args=[tree.desk.pk])))


@editors
def test_search_and_listings_hide_other_provinces(editor, tree, province):
    explorer = editor.get(reverse("wagtailadmin_explore", args=[tree.index.pk]), follow=True)
    # The explorer starts at their own province: the index with its twelve children is out of reach.
    assert explorer.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=[province.page.pk])
    search = editor.get(reverse("wagtailadmin_pages:search_results"), {"q": "Conceptbeleid"}).content.decode()
    assert province.policy.title in search  # their own draft is found
    html = explorer.content.decode() + search
    sidebar_explorer = editor.get("/admin/api/main/pages/", {"child_of": tree.index.pk, "for_explorer": 1})
    assert [item["id"] for item in sidebar_explorer.json()["items"]] == [province.page.pk]
    for other in tree.others(province):
        assert other.policy.title not in html
        assert other.initiative.title not in html
        assert editor.get(f"/admin/api/main/pages/{other.policy.pk}/").status_code == 404


# --- Their own province: allowed, through review -----------------------------------


@editors
def test_can_edit_own_pages_as_drafts(editor, province):
    response = editor.post(
        edit_url(province.initiative), initiative_data(province.initiative, title="Bijgewerkt")
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url(province.initiative)
    page = InitiativePage.objects.get(pk=province.initiative.pk)
    assert page.get_latest_revision_as_object().title == "Bijgewerkt"
    assert page.title == f"Initiatief {province.name}"  # the live version waits for review
    assert page.has_unpublished_changes


@editors
def test_can_create_an_initiative_but_not_publish_it(editor, province):
    data = initiative_data(title="Nieuwe streekmarkt", slug="nieuwe-streekmarkt", **{"action-publish": "1"})
    response = editor.post(add_url(province.page), data)
    assert response.status_code == 302
    page = InitiativePage.objects.child_of(province.page).get(slug="nieuwe-streekmarkt")
    assert not page.live
    assert page.owner == province.editor


@editors
def test_cannot_publish_or_unpublish_own_pages_directly(editor, province):
    with_publish = initiative_data(province.initiative, title="Meteen live?", **{"action-publish": "1"})
    editor.post(edit_url(province.initiative), with_publish)
    page = InitiativePage.objects.get(pk=province.initiative.pk)
    assert page.title == f"Initiatief {province.name}"
    assert page.has_unpublished_changes  # saved as a draft instead
    assert_denied(editor.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    assert InitiativePage.objects.get(pk=page.pk).live


@editors
def test_can_submit_own_page_for_review(editor, tree, province):
    data = initiative_data(province.initiative, title="Ter beoordeling", **{"action-submit": "1"})
    assert editor.post(edit_url(province.initiative), data).status_code == 302
    page = Page.objects.get(pk=province.initiative.pk)
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == "Provinciale review"
    assert not page.live or page.title == f"Initiatief {province.name}"


@editors
def test_can_copy_lock_and_delete_own_drafts(editor, province):
    copy = reverse("wagtailadmin_pages:copy", args=[province.initiative.pk])
    data = {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": province.page.pk}
    assert editor.post(copy, data).status_code == 302
    assert not InitiativePage.objects.child_of(province.page).get(slug="kopie").live
    assert editor.post(reverse("wagtailadmin_pages:lock", args=[province.initiative.pk])).status_code == 302
    assert Page.objects.get(pk=province.initiative.pk).locked
    assert editor.post(reverse("wagtailadmin_pages:delete", args=[province.policy.pk])).status_code == 302
    assert not PolicyPage.objects.filter(pk=province.policy.pk).exists()
    # A live page is not theirs to delete: that would unpublish it without review.
    assert_denied(editor.post(reverse("wagtailadmin_pages:delete", args=[province.initiative.pk])))


@editors
def test_can_upload_into_own_collection(editor, province, media_clips):
    with media_clips.mp4.open("rb") as clip:
        data = {"title": f"Eigen video {province.name}", "file": clip, "collection": province.collection.pk}
        response = editor.post(reverse("media_hub_video:add"), data)
    assert response.status_code == 302
    video = Video.objects.get(title=f"Eigen video {province.name}")
    assert video.collection == province.collection
    assert video.uploaded_by_user == province.editor
