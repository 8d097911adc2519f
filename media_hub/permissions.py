"""Videos follow the image and document model: rights per collection, plus ownership."""

from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from .models import Video

video_permission_policy = CollectionOwnershipPermissionPolicy(
    Video, auth_model=Video, owner_field_name="uploaded_by_user"
)
