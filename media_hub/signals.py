"""A video's files follow its row: deleting the video or replacing its file removes them from S3.

The bucket is only touched once the transaction has committed, so a rolled-back
edit never loses a file. What a failed clean-up leaves behind has no row pointing
at it, and ``requeue_stale_videos`` sweeps it later.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from wagtail.models import ReferenceIndex
from wagtail.signals import page_published

from .bucket import delete_keys, delete_prefix, video_prefix
from .models import Video
from .tasks import delete_unused_image, quietly


@receiver(pre_save, sender=Video)
def remember_replaced_source(sender, instance, update_fields=None, **kwargs):
    if instance._state.adding or (update_fields is not None and "file" not in update_fields):
        return
    previous = Video.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if previous and previous != instance.file.name:
        instance._replaced_source = previous


@receiver(post_save, sender=Video)
def discard_replaced_files(sender, instance, **kwargs):
    """The old source and every output made from it go; processing starts over from the new file."""
    previous = instance.__dict__.pop("_replaced_source", None)
    if not previous:
        return
    Video.objects.filter(pk=instance.pk).update(hls_playlist="", mp4_file="", renditions=[])
    instance.hls_playlist, instance.mp4_file, instance.renditions = "", "", []
    storage, prefix = instance.file.storage, video_prefix(instance)
    # pre_save saw the upload's name; the stored key is known only now. A new upload can
    # land on the old key (when the old object was gone): then that key is the new file.
    stale_sources = [previous] if previous != instance.file.name else []

    def clean_up():
        quietly(delete_keys, storage, stale_sources)
        for kind in ("hls", "mp4"):
            quietly(delete_prefix, storage, f"{prefix}{kind}/")

    transaction.on_commit(clean_up)


@receiver(post_delete, sender=Video)
def discard_all_files(sender, instance, **kwargs):
    storage, prefix = instance.file.storage, video_prefix(instance)
    transaction.on_commit(lambda: quietly(delete_prefix, storage, prefix))
    if instance.poster_is_generated and instance.poster_id:
        delete_unused_image(instance.poster_id, instance)


@receiver(page_published)
def index_references_on_publish(sender, instance, **kwargs):
    """Update the page's references now, not when a worker gets to it: ``Video.is_public`` reads them,
    so a just-published episode's video plays for visitors at once."""
    ReferenceIndex.create_or_update_for_object(instance)
