package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Updates;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;

class OutboxTest {

    private static final String KEY = SampleEvents.PARTICIPANT_ID.toString();
    private final OutboxEntry enrolled = OutboxEntry.of(EventTopic.PARTICIPANTS, KEY, SampleEvents.enrolled());
    private final OutboxEntry left = OutboxEntry.of(EventTopic.PARTICIPANTS, KEY, SampleEvents.left());

    @Test
    void appending_entries_is_one_push_of_all_of_them_in_order_and_a_new_mark() {
        BsonDocument update = bson(Outbox.append(List.of(enrolled, left)));
        BsonDocument again = bson(Outbox.append(List.of(left)));

        assertThat(update.keySet()).containsExactly("$push", "$set");
        BsonArray each = update.getDocument("$push").getDocument("outbox").getArray("$each");
        assertThat(each.stream().map(value -> value.asDocument().getString("eventId").getValue()))
                .containsExactly(enrolled.eventId(), left.eventId());
        assertThat(update.getDocument("$set").keySet()).containsExactly(Outbox.MARK.field());
        assertThat(update.getDocument("$set").getString(Outbox.MARK.field()))
                .as("every append marks anew").isNotEqualTo(again.getDocument("$set").getString(Outbox.MARK.field()));
    }

    @Test
    void state_and_entries_combine_into_a_single_update_document() {
        BsonDocument update = bson(Updates.combine(Updates.set("status", "LEFT"), Outbox.append(List.of(left))));

        assertThat(update.keySet()).containsExactlyInAnyOrder("$set", "$push");
        assertThat(update.getDocument("$set").getString("status").getValue()).isEqualTo("LEFT");
        assertThat(update.getDocument("$push").getDocument("outbox").getArray("$each")).hasSize(1);
    }

    @Test
    void a_new_document_carries_its_state_and_its_entries() {
        Document state = new Document("_id", KEY).append("status", "ENROLLED");

        Document document = Outbox.withEntries(state, List.of(enrolled, left));

        assertThat(document.getString("status")).isEqualTo("ENROLLED");
        assertThat(Outbox.entriesOf(document)).containsExactly(enrolled, left);
        assertThat(Outbox.MARK.tokenOf(document)).isNotBlank();
        assertThat(state).doesNotContainKey(Outbox.FIELD).doesNotContainKey(Outbox.MARK.field());
    }

    @Test
    void adding_entries_to_a_document_that_has_some_keeps_the_earlier_ones_first() {
        Document document = Outbox.withEntries(Outbox.withEntries(new Document("_id", KEY), List.of(enrolled)), List.of(left));

        assertThat(Outbox.entriesOf(document)).containsExactly(enrolled, left);
    }

    @Test
    void removing_sent_entries_pulls_them_by_event_id_only() {
        BsonDocument update = bson(Outbox.remove(List.of(enrolled.eventId())));

        assertThat(update.toJson()).isEqualTo(
                "{\"$pull\": {\"outbox\": {\"eventId\": {\"$in\": [\"" + enrolled.eventId() + "\"]}}}}");
    }

    private static BsonDocument bson(Bson bson) {
        return bson.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }
}
