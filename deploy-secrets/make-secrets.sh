#!/bin/sh
# Makes the secrets docker-compose.yml needs, once, as files readable by their owner only (all git-ignored):
#   deploy-secrets/mongo-root-password              MongoDB's administrator (used by nothing but MongoDB's first start)
#   deploy-secrets/mongo-<service>-password         each service's own MongoDB user, for MongoDB's first start
#   deploy-secrets/<service>-mongodb-uri            the same user's connection string, handed to the service
#   deploy-secrets/participant-master-key           the master key of participant-service's personal data (base64)
# and the schema registry's credential (registry-auth/make-credentials.sh). Keep the master key in your secret store
# as well: without it the sealed personal data cannot be read, and it must not sit in a volume beside that data.
# Run again with --force to replace them (MongoDB's users are made only when its volume is new).
set -eu
cd "$(dirname "$0")/.."
if [ -e deploy-secrets/participant-master-key ] && [ "${1:-}" != "--force" ]; then
  echo "deploy-secrets/ already holds secrets; pass --force to replace them" >&2
  exit 1
fi
umask 077
random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n'; }
random > deploy-secrets/mongo-root-password
for service in participant activity outcome reporting; do
  password=$(random)
  printf '%s' "$password" > "deploy-secrets/mongo-$service-password"
  printf 'mongodb://%s-service:%s@mongo:27017/stegvis-%s?authSource=stegvis-%s' "$service" "$password" "$service" "$service" \
    > "deploy-secrets/$service-mongodb-uri"
done
head -c 32 /dev/urandom | base64 | tr -d '\n' > deploy-secrets/participant-master-key
[ -e registry-auth/passwords.properties ] && [ "${1:-}" != "--force" ] || registry-auth/make-credentials.sh ${1:-}
echo "wrote deploy-secrets/ (MongoDB users, connection strings, the master key)"
