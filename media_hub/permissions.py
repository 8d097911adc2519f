"""Videos follow the image and document model: rights per collection, plus ownership."""

from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from .models import Video

video_permission_policy = CollectionOwnershipPermissionPolicy(
    Video, auth_model=Video, owner_field_name="uploaded_by_user"
)


def may_watch(user, video):
    """Anyone may watch a video a live public page uses; editors who may choose it always may."""
    return video.is_public or video_permission_policy.user_has_any_permission_for_instance(
        user, ["choose", "change"], video
    )
