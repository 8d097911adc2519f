"""The page "Grote video uploaden" in headless Chromium: parts in parallel, a retried part, a resumed upload."""

import re

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Collection

import pytest
import requests
from playwright.sync_api import expect, sync_playwright

from media_hub.models import Video, VideoUpload
from media_hub.uploads import service
from tests.browser import launch_chromium
from tests.media_hub.test_resumable_upload import MIB, make_noise_clip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "korte-keten-browser-test"
DONE = re.compile("geüpload en gecontroleerd")


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_noise_clip(tmp_path_factory.mktemp("browser-upload") / "aflevering.mp4")


@pytest.fixture
def editor(settings, monkeypatch):
    settings.VIDEO_UPLOAD_PART_SIZE = 5 * MIB
    settings.VIDEO_MAX_UPLOAD_SIZE = 100 * MIB
    monkeypatch.setattr(service, "enqueue_processing", lambda video: None)  # processing has its own tests
    return get_user_model().objects.create_superuser("redacteur", "redacteur@example.org", PASSWORD)


@pytest.fixture
def page(live_server, editor, monkeypatch):
    # Playwright's sync API keeps an event loop in this thread; the ORM calls of the test are still sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(live_server.url + reverse("wagtailadmin_login"))
        page.fill("#id_username", editor.username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/admin/$"))
        page.goto(live_server.url + reverse("media_hub_upload:page"))
        yield page
        browser.close()


def part_puts(page):
    """The part numbers the browser PUTs to S3, in order."""
    seen = []
    page.on(
        "request",
        lambda request: request.method == "PUT"
        and seen.append(int(re.search(r"partNumber=(\d+)", request.url)[1])),
    )
    return seen


def test_upload_with_a_failing_part_retries_and_becomes_a_video(page, clip):
    sent = part_puts(page)
    failures = []

    def drop_part_two_once(route):
        if not failures:
            failures.append(route.request.url)
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route(lambda url: "partNumber=2&" in url, drop_part_two_once)
    page.set_input_files("#id_file", str(clip))
    page.fill("#id_title", "Aflevering één")
    page.get_by_role("button", name="Uploaden").click()

    expect(page.locator("#id_upload_status")).to_contain_text(DONE, timeout=60_000)
    video = Video.objects.get()
    assert (video.title, video.original_filename, video.status) == (
        "Aflevering één",
        "aflevering.mp4",
        "queued",
    )
    assert sorted(sent) == [1, 2, 2, 3] and len(failures) == 1
    assert page.get_by_role("link", name="Bewerk de video").get_attribute("href") == reverse(
        "media_hub_video:edit", args=[video.pk]
    )
    assert (
        page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('media_hub.video-upload:'))") == []
    )


def test_reselecting_the_file_after_a_reload_resumes(page, clip, editor):
    upload = service.start_upload(
        editor, Collection.get_first_root_node(), "Aflevering", clip.name, clip.stat().st_size
    )
    url = service.signed_part_urls(upload, [1])[1]
    requests.put(url, data=clip.read_bytes()[: upload.part_size], timeout=30).raise_for_status()
    page.set_input_files("#id_file", str(clip))
    record = page.eval_on_selector(
        "#id_file",
        "el => ({name: el.files[0].name, size: el.files[0].size, lastModified: el.files[0].lastModified})",
    )
    key = "media_hub.video-upload:{name}|{size}|{lastModified}".format(**record)
    remembered = {**record, "uploadId": upload.pk}
    page.evaluate(
        "([k, r]) => localStorage.setItem(k, JSON.stringify({...r, savedAt: Date.now()}))", [key, remembered]
    )

    page.reload()
    expect(page.locator("[data-video-upload-resume]")).to_contain_text(
        "onderbroken upload van “aflevering.mp4”"
    )
    sent = part_puts(page)
    page.set_input_files("#id_file", str(clip))
    page.get_by_role("button", name="Verder uploaden").click()

    expect(page.locator("#id_upload_status")).to_contain_text(DONE, timeout=60_000)
    assert sorted(sent) == [2, 3]
    upload.refresh_from_db()
    assert upload.status == VideoUpload.Status.COMPLETED and upload.video.file_size == clip.stat().st_size


def test_cancel_aborts_the_upload(page, clip, bucket):
    page.route(lambda url: "partNumber=" in url, lambda route: None)  # S3 never answers
    page.on("dialog", lambda dialog: dialog.accept())
    page.set_input_files("#id_file", str(clip))
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_role("button", name="Pauzeren")).to_be_visible()

    page.get_by_role("button", name="Annuleren").click()

    expect(page.locator("#id_upload_status")).to_contain_text("geannuleerd", timeout=15_000)
    upload = VideoUpload.objects.get()
    assert upload.status == VideoUpload.Status.ABORTED
    listing = bucket.client.list_multipart_uploads(Bucket=bucket.name, Prefix="videos/")
    assert upload.upload_id not in {item["UploadId"] for item in listing.get("Uploads", [])}
    expect(page.get_by_role("button", name="Uploaden")).to_be_visible()


def test_pause_and_resume_send_only_what_is_missing(page, clip):
    sent = part_puts(page)
    stalled = lambda url: "partNumber=3&" in url  # noqa: E731
    page.route(stalled, lambda route: None)  # part 3 hangs, as on a line that stalls
    page.set_input_files("#id_file", str(clip))
    page.get_by_role("button", name="Uploaden").click()
    expect(page.locator("#id_upload_status")).to_contain_text("10,0 MB van 10,7 MB", timeout=30_000)

    page.get_by_role("button", name="Pauzeren").click()
    expect(page.locator("#id_upload_status")).to_contain_text("Gepauzeerd")
    page.unroute(stalled)
    page.get_by_role("button", name="Hervatten").click()

    expect(page.locator("#id_upload_status")).to_contain_text(DONE, timeout=60_000)
    assert sorted(sent) == [1, 2, 3, 3]
    assert Video.objects.get().file_size == clip.stat().st_size


def test_the_servers_refusal_is_shown_and_nothing_is_kept(page, tmp_path, bucket):
    fake = tmp_path / "verslag.mp4"
    fake.write_bytes(b"%PDF-1.4\n" + b"0" * 50_000 + b"\n%%EOF\n")
    page.set_input_files("#id_file", str(fake))
    page.get_by_role("button", name="Uploaden").click()

    expect(page.get_by_role("alert").filter(has_text="leesbare")).to_have_text(
        "Dit bestand is geen leesbare video."
    )
    upload = VideoUpload.objects.get()
    assert upload.status == VideoUpload.Status.FAILED
    assert not Video.objects.exists() and not bucket.keys(f"videos/{upload.key.hex}/")
