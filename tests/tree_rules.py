"""The tree-rule tests every app runs on its own page types, written once."""

from wagtail.models import get_page_models

import pytest


def name(model):
    return model.__name__


def tree_rule_tests(parents, subpages):
    """Tests that ``parents``/``subpages`` are exactly the allowed types, both ways, against every page model."""
    pairs = [(parent, child) for child in parents for parent in get_page_models()]

    @pytest.mark.parametrize("model", parents, ids=name)
    def test_allowed_parent_page_types(page_tree, model):
        page_tree.assertAllowedParentPageTypes(model, parents[model])

    @pytest.mark.parametrize("model", subpages, ids=name)
    def test_allowed_subpage_types(page_tree, model):
        page_tree.assertAllowedSubpageTypes(model, subpages[model])

    @pytest.mark.parametrize(("parent", "child"), pairs, ids=name)
    def test_can_create_only_under_allowed_parents(page_tree, parent, child):
        if parent in parents[child]:
            page_tree.assertCanCreateAt(parent, child)
        else:
            page_tree.assertCanNotCreateAt(parent, child)

    return (
        test_allowed_parent_page_types,
        test_allowed_subpage_types,
        test_can_create_only_under_allowed_parents,
    )
