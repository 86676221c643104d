// Run by MongoDB's image on its first start (an empty volume), as the administrator: one user per service, allowed
// to read and write that service's own database only, with the password docker-compose hands over as a secret.
const fs = require('fs');
for (const service of ['participant', 'activity', 'outcome', 'reporting']) {
  const database = 'stegvis-' + service;
  const password = fs.readFileSync('/run/secrets/mongo_' + service + '_password', 'utf8').trim();
  db.getSiblingDB(database).createUser({
    user: service + '-service',
    pwd: password,
    roles: [{ role: 'readWrite', db: database }]
  });
}
