from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content of the 2020 trade mission, built by ``manage.py seed_demo``."""

    name = "demo"
    verbose_name = "Demo-inhoud"
