def test_storage_is_the_suites_own_s3(settings):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    assert settings.STORAGES["default"]["BACKEND"] == "cms.storage.MediaStorage"
    name = default_storage.save("smoke/hello.txt", ContentFile(b"hallo"))
    assert default_storage.open(name).read() == b"hallo"
    default_storage.delete(name)
