"""Tree rules of the media hub, series, episodes and webcasts, checked both ways against every page model."""

from home.models import HomePage
from media_hub.models import EpisodePage, MediaHubPage, SeriesPage, WebcastPage
from tests.factories import MediaHubPageFactory, WebcastPageFactory
from tests.tree_rules import tree_rule_tests

PARENTS = {
    MediaHubPage: {HomePage},
    SeriesPage: {MediaHubPage},
    EpisodePage: {SeriesPage},
    WebcastPage: {HomePage},
}
SUBPAGES = {
    MediaHubPage: {SeriesPage},
    SeriesPage: {EpisodePage},
    EpisodePage: set(),
    WebcastPage: set(),
}
test_allowed_parent_page_types, test_allowed_subpage_types, test_can_create_only_under_allowed_parents = (
    tree_rule_tests(PARENTS, SUBPAGES)
)


def test_one_media_hub_but_many_webcasts_per_home_page(home_page):
    MediaHubPageFactory(parent=home_page)
    WebcastPageFactory(parent=home_page)
    assert not MediaHubPage.can_create_at(home_page)
    assert WebcastPage.can_create_at(home_page)
