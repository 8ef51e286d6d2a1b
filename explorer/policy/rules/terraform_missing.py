"""An action a Terraform configuration needs that the deployer's policies do not allow.

The finding is made by ``terraform --against`` (explorer.app.terraform_check), which knows the
configuration; the code is owned here so that it is in the one table (docs, SARIF rules, the schema's enum).
"""

from __future__ import annotations

from explorer.policy.codes import Code
from explorer.policy.rule import Rule

RULE = Rule(
    "terraform_missing",
    140,
    (
        Code(
            "MISSING_FOR_TERRAFORM",
            "error",
            "Missing for Terraform",
            "With `terraform --against`: an action the configuration needs (default answer) that no policy of the "
            "set allows, placed at the first resource block that brings it in; a possible requirement is info.",
            {"possible": "info"},
        ),
    ),
)
