"""Demo clips into the video library through the editor's own upload form."""

from django.core.files.uploadedfile import UploadedFile
from django.core.management.base import CommandError

from wagtail.models import Collection

from media_hub.forms import VideoForm
from media_hub.models import Video

from .clips import ensure_clip

COLLECTION_NAME = "Mediahub"


def ensure_collection(name=COLLECTION_NAME):
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def ensure_video(spec, collection, clip_dir, user=None):
    """The library's video for ``spec``: reused while its file is this clip and still in S3.

    Returns ``(video, status)``. A new or changed clip goes through ``VideoForm``,
    so it is checked and stored exactly as an editor's upload would be.
    """
    video = Video.objects.filter(collection=collection, title=spec.title).first()
    if video and video.original_filename == spec.file_name and video.file.storage.exists(video.file.name):
        return video, "unchanged"
    path = ensure_clip(spec, clip_dir)
    with path.open("rb") as handle:
        upload = UploadedFile(handle, name=spec.file_name, content_type="video/mp4", size=path.stat().st_size)
        form = VideoForm(
            data={"title": spec.title, "collection": collection.pk},
            files={"file": upload},
            instance=video,
            for_user=user,
        )
        if not form.is_valid():
            raise CommandError(f"Demo clip {spec.file_name} was refused: {form.errors.as_text()}")
        if video is None:
            form.instance.uploaded_by_user = user  # as the admin's create view does
        return form.save(), "created" if video is None else "updated"
