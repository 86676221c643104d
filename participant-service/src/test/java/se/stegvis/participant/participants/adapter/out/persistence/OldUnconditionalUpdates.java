package se.stegvis.participant.participants.adapter.out.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

import se.stegvis.outbox.Outbox;
import se.stegvis.outbox.OutboxEntry;
import se.stegvis.participant.participants.adapter.out.crypto.DuplicateFingerprint;
import se.stegvis.participant.participants.adapter.out.crypto.PersonalDataCipher;
import se.stegvis.participant.participants.adapter.out.crypto.SealedData;
import se.stegvis.participant.participants.adapter.out.messaging.ParticipantEvents;
import se.stegvis.participant.participants.application.ForwardingParticipantRegistry;
import se.stegvis.participant.participants.application.ParticipantRegistry;
import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.schemas.EventTopic;

/**
 * The positive control: the store's update as it was before revisions, by {@code _id} alone, setting the whole state
 * ({@code erased} included) and the sealed data. Everything else is the real store.
 */
final class OldUnconditionalUpdates extends ForwardingParticipantRegistry {

    private final MongoCollection<Document> participants;
    private final PersonalDataCipher cipher;
    private final DuplicateFingerprint duplicates;

    OldUnconditionalUpdates(ParticipantRegistry store, MongoCollection<Document> participants, PersonalDataCipher cipher,
            DuplicateFingerprint duplicates) {
        super(store);
        this.participants = participants;
        this.cipher = cipher;
        this.duplicates = duplicates;
    }

    @Override
    public void update(Participant participant, PersonalData person, ParticipantEvent event, long readRevision) {
        List<Bson> updates = new ArrayList<>();
        ParticipantDocuments.changes(participant).forEach((field, value) -> updates.add(Updates.set(field, value)));
        updates.add(Updates.set(ParticipantDocuments.ERASED, participant.erased()));
        if (person != null) {
            SealedData sealed = cipher.seal(participant.id(), PersonalDataCodec.encode(person));
            updates.add(Updates.set("personal", new Document("key", new Binary(sealed.wrappedDataKey()))
                    .append("data", new Binary(sealed.ciphertext()))));
            updates.add(Updates.set("duplicateFingerprint", duplicates.of(participant.projectId(), person.personalIdentityNumber())));
        }
        String key = participant.id().toString();
        updates.add(Outbox.append(List.of(OutboxEntry.of(EventTopic.PARTICIPANTS, key, ParticipantEvents.toAvro(event)))));
        participants.updateOne(eq("_id", key), Updates.combine(updates));
    }
}
