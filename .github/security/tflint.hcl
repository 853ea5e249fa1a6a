# TFLint over every synthesized stack (cdktf.out/stacks/*/cdk.tf.json), run by
# .github/workflows/security-scan.yml:
#   tflint --init --config $PWD/.github/security/tflint.hcl
#   tflint --recursive --chdir cdktf.out/stacks --config $PWD/.github/security/tflint.hcl
#
# Skips: a rule switched off here (rule "<name>" { enabled = false }) needs a
# comment right above it saying why; test/delivery/security-baseline.test.ts
# enforces that. None is switched off today.

config {
  # cdk.tf.json never calls modules: cdktf inlines every construct.
  call_module_type = "none"
}

# Terraform language rules bundled with TFLint (unused declarations, required
# providers and version, deprecated syntax, JSON syntax).
plugin "terraform" {
  enabled = true
  preset  = "recommended"
}

# AWS ruleset: invalid instance types, engine versions, names and the like,
# caught before a plan. Bump the version with the TFLint version in the workflow.
plugin "aws" {
  enabled = true
  version = "0.48.0"
  source  = "github.com/terraform-linters/tflint-ruleset-aws"
}
