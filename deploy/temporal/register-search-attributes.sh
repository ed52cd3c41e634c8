#!/usr/bin/env sh
# Registers the custom search attributes dsrflow's workflows set, so a real cluster's
# visibility (Temporal UI, `temporal workflow list --query ...`) can filter requests.
# The ledger stays the source for the API's lists. Needs the `temporal` CLI and
# TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE (for Temporal Cloud also TEMPORAL_API_KEY or mTLS flags).
# Safe to run again: existing attributes are reported and skipped.
set -eu
ns="${TEMPORAL_NAMESPACE:-default}"
addr="${TEMPORAL_ADDRESS:-localhost:7233}"
register() {
  if temporal operator search-attribute create --address "$addr" --namespace "$ns" --name "$1" --type "$2" 2>/tmp/sa.err; then
    echo "registered $1 ($2)"
  elif grep -qi "already" /tmp/sa.err; then
    echo "exists     $1"
  else
    cat /tmp/sa.err >&2
    exit 1
  fi
}
# keep in sync with dev.dsrflow.temporal.SearchAttributeNames (checked by DeployConfigurationTest)
register DsrRequestType Keyword
register DsrStatus Keyword
register DsrSubjectKey Keyword
register DsrDueAt Datetime
