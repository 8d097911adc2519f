"""Production settings, started in a fresh interpreter with a controlled environment."""

import secrets
import subprocess
import sys

from django.conf import settings

import pytest


@pytest.fixture
def production_env(tmp_path):
    """Everything production needs, with dummy secrets; no variable leaks in from the test run."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "AWS_ACCESS_KEY_ID": "dummy-access-key",
        "AWS_SECRET_ACCESS_KEY": "dummy-secret-key",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        "ALLOWED_HOSTS": "korteketen.example",
        "VAR_DIR": str(tmp_path),
    }


def run_python(env, *args):
    return subprocess.run(
        [sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )


def load_settings(env):
    """What every Django process does first; production's checks run when its module is imported."""
    return run_python(env, "-c", "import django; from django.conf import settings; settings.DEBUG")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY must be set in production."),
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set in production."),
        ({"DEBUG": "on"}, "DEBUG must be off in production."),
        ({"AWS_SECRET_ACCESS_KEY": None}, "AWS_SECRET_ACCESS_KEY must be set in production."),
        ({"DATABASE_URL": None}, "DATABASE_URL must be set in production."),
    ],
    ids=["no-secret-key", "empty-secret-key", "debug-on", "no-s3-secret", "no-database-url"],
)
def test_production_refuses_to_start(production_env, change, message):
    env = {**production_env, **change}
    env = {name: value for name, value in env.items() if value is not None}

    result = load_settings(env)

    assert result.returncode != 0
    assert f"django.core.exceptions.ImproperlyConfigured: {message}" in result.stderr


def test_deploy_checks_pass_with_production_settings(production_env):
    """Also the control for the refusals above: this environment is enough to start."""
    result = run_python(production_env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
