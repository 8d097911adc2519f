"""The upload form of the video library: the file is checked before it reaches S3."""

import tempfile
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Collection

from .models import Video
from .permissions import video_permission_policy
from .probe import NotAVideo, probe_video
from .tasks import enqueue_processing

# Besides the form's own fields, an edit writes what the upload's probe found.
PROBED_FIELDS = [
    "original_filename",
    "file_size",
    "duration",
    "width",
    "height",
    "video_codec",
    "audio_codec",
]


class VideoForm(WagtailAdminModelForm):
    class Meta:
        model = Video
        fields = ["title", "file", "collection", "poster"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leeg laten om de bestandsnaam te gebruiken.")
        self.fields["file"].validators.append(FileExtensionValidator(settings.VIDEO_ALLOWED_EXTENSIONS))
        self.fields["file"].help_text = _("MP4, MOV, WebM of MKV, tot %(max)s.") % {
            "max": filesizeformat(settings.VIDEO_MAX_UPLOAD_SIZE)
        }
        self._limit_collections()

    def _limit_collections(self):
        """Only collections the editor may add to, as Wagtail does for images and documents."""
        collections = Collection.objects.all()
        if self.for_user is not None:
            collections = video_permission_policy.collections_user_has_permission_for(self.for_user, "add")
        if self.instance.pk:
            collections = collections | Collection.objects.filter(pk=self.instance.collection_id)
        self.fields["collection"].queryset = collections
        self.fields["collection"].empty_label = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload is None or upload == self.initial.get("file"):
            return upload
        if upload.size > settings.VIDEO_MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("Dit bestand is %(size)s; het maximum is %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(settings.VIDEO_MAX_UPLOAD_SIZE)}
            )
        try:
            self.video_info = probe_uploaded_file(upload)
        except NotAVideo as error:
            raise forms.ValidationError(str(error)) from error
        return upload

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if not cleaned.get("title") and upload:
            cleaned["title"] = PurePath(upload.name).stem[:255]
        if not cleaned.get("title") and not self.instance.title:
            self.add_error("title", _("Geef de video een titel."))
        return cleaned

    def save(self, commit=True):
        video = super().save(commit=False)
        upload = self.cleaned_data.get("file")
        new_file = "file" in self.changed_data and upload
        if new_file:
            video.original_filename = PurePath(upload.name).name[:255]
            video.file_size = upload.size
            info = self.video_info
            video.duration, video.width, video.height = info.duration, info.width, info.height
            video.video_codec, video.audio_codec = info.video_codec, info.audio_codec
        if "poster" in self.changed_data:
            video.poster_is_generated = False  # the editor's choice; processing leaves it alone
        if commit:
            # The worker writes the pipeline fields meanwhile: an edit saves only what the form owns.
            edited = [*self._meta.fields, *PROBED_FIELDS, "poster_is_generated"]
            video.save(update_fields=None if video._state.adding else edited)
            if new_file:
                enqueue_processing(video)
        return video


def probe_uploaded_file(upload):
    """Probe an upload where it lies: a temporary file on disk, never a copy in memory."""
    if hasattr(upload, "temporary_file_path"):
        return probe_video(upload.temporary_file_path())
    # Small uploads stay in memory (FILE_UPLOAD_MAX_MEMORY_SIZE); FFmpeg needs a path.
    with tempfile.NamedTemporaryFile(
        suffix=PurePath(upload.name).suffix, dir=settings.FILE_UPLOAD_TEMP_DIR
    ) as tmp:
        for chunk in upload.chunks():
            tmp.write(chunk)
        tmp.flush()
        upload.seek(0)
        return probe_video(tmp.name)
