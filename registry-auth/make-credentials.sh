#!/bin/sh
# Makes the schema registry's credential for docker-compose.yml, once: a random password for the user the writing
# services register schemas with, written to
#   registry-auth/passwords.properties  the registry's password file (the compose secret registry_passwords)
#   .env                                STEGVIS_REGISTRY_USER_INFO, which compose hands to the services
# Both are git-ignored and readable by their owner only. Run again with --force for a new password (then recreate
# the registry and the services: docker compose up -d --force-recreate).
set -eu
cd "$(dirname "$0")/.."
if [ -e registry-auth/passwords.properties ] && [ "${1:-}" != "--force" ]; then
  echo "registry-auth/passwords.properties exists; pass --force to replace it" >&2
  exit 1
fi
umask 077
password=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')
# PropertyFileLoginModule format: <user>: <password>,<role>[,<role>...]
printf 'stegvis-writer: %s,writer\n' "$password" > registry-auth/passwords.properties
touch .env
grep -v '^STEGVIS_REGISTRY_USER_INFO=' .env > .env.new || true
printf 'STEGVIS_REGISTRY_USER_INFO=stegvis-writer:%s\n' "$password" >> .env.new
mv .env.new .env
echo "wrote registry-auth/passwords.properties and STEGVIS_REGISTRY_USER_INFO in .env"
