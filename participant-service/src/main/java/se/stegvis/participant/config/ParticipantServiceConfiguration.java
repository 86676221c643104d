package se.stegvis.participant.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.mongodb.client.MongoDatabase;

import se.stegvis.access.Memberships;
import se.stegvis.access.web.AccessConfiguration;
import se.stegvis.participant.audit.adapter.out.persistence.AuditRelay;
import se.stegvis.participant.audit.adapter.out.persistence.MongoAuditTrail;
import se.stegvis.participant.audit.application.AuditTrail;
import se.stegvis.participant.audit.application.ReadAuditTrail;
import se.stegvis.participant.catalogue.adapter.out.persistence.MongoProjectCatalogue;
import se.stegvis.participant.catalogue.application.CachedProjectCatalogue;
import se.stegvis.participant.catalogue.application.DefineProject;
import se.stegvis.participant.catalogue.application.ProjectCatalogue;
import se.stegvis.participant.catalogue.application.ReadCatalogue;
import se.stegvis.participant.catalogue.application.SeedCatalogue;
import se.stegvis.participant.members.adapter.out.persistence.MongoMemberStore;
import se.stegvis.participant.members.application.ManageMembers;
import se.stegvis.participant.members.application.MemberStore;
import se.stegvis.participant.participants.adapter.out.crypto.DuplicateFingerprint;
import se.stegvis.participant.participants.adapter.out.crypto.IdempotencyKeyHashing;
import se.stegvis.participant.participants.adapter.out.crypto.KeyedRequestFingerprints;
import se.stegvis.participant.participants.adapter.out.crypto.MasterKey;
import se.stegvis.participant.participants.adapter.out.crypto.PersonalDataCipher;
import se.stegvis.participant.participants.adapter.out.persistence.MongoParticipantRegistry;
import se.stegvis.participant.participants.application.ChangeParticipant;
import se.stegvis.participant.participants.application.EnrolParticipant;
import se.stegvis.participant.participants.application.ParticipantRegistry;
import se.stegvis.participant.participants.application.ReadParticipants;
import se.stegvis.participant.participants.application.ScbParticipantFile;
import se.stegvis.schemas.EventTopic;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.command.IdempotencyKey;
import se.stegvis.service.config.Outboxes;
import se.stegvis.service.config.WritingServiceConfiguration;

/**
 * Explicit wiring of participant-service: stores, crypto, the outbox relay, sign-in and the use cases. The
 * memberships are this service's own data, so it decides on callers from its own store.
 */
@Configuration(proxyBeanMethods = false)
@Import({WritingServiceConfiguration.class, AccessConfiguration.class})
public class ParticipantServiceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ParticipantServiceConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** From stegvis.crypto.master-key (base64, production: from the environment) or a key file created on first use. */
    @Bean
    MasterKey masterKey(@Value("${stegvis.crypto.master-key:}") String base64,
            @Value("${stegvis.crypto.master-key-file:}") String file) throws IOException {
        if (!base64.isBlank()) {
            return MasterKey.fromBase64(base64);
        }
        if (file.isBlank()) {
            throw new IllegalStateException("No master key: set stegvis.crypto.master-key (STEGVIS_CRYPTO_MASTER_KEY) "
                    + "or stegvis.crypto.master-key-file");
        }
        MasterKey.Loaded loaded = MasterKey.loadOrCreate(Path.of(file));
        log.info(loaded.created() ? "Created a new master key in {}" : "Master key read from {}", file);
        return loaded.key();
    }

    @Bean
    Outboxes outboxes() {
        return new Outboxes(List.of("projects", "participants", "memberships"),
                List.of(EventTopic.PROJECTS, EventTopic.PARTICIPANTS, EventTopic.MEMBERSHIPS));
    }

    @Bean
    ProjectCatalogue projectCatalogue(MongoDatabase database, Clock clock,
            @Value("${stegvis.catalogue.refresh-interval:5s}") Duration refreshInterval) {
        return new CachedProjectCatalogue(new MongoProjectCatalogue(database.getCollection("projects")), clock, refreshInterval);
    }

    @Bean
    DefineProject defineProject(ProjectCatalogue catalogue, EventsPending eventsPending, Clock clock) {
        return new DefineProject(catalogue, eventsPending, clock);
    }

    @Bean
    ReadCatalogue readCatalogue(ProjectCatalogue catalogue) {
        return new ReadCatalogue(catalogue);
    }

    @Bean
    ApplicationRunner seedCatalogue(ProjectCatalogue catalogue, DefineProject defineProject) {
        return arguments -> new SeedCatalogue(catalogue, defineProject).seedIfEmpty();
    }

    @Bean
    MemberStore memberStore(MongoDatabase database) {
        return new MongoMemberStore(database.getCollection("memberships"));
    }

    @Bean
    Memberships memberships(MemberStore store) {
        return store::projectsOf;
    }

    @Bean
    ManageMembers manageMembers(MemberStore store, ReadCatalogue catalogue, EventsPending eventsPending, Clock clock) {
        return new ManageMembers(store, catalogue, eventsPending, clock);
    }

    @Bean
    AuditTrail auditTrail(MongoDatabase database) {
        return new MongoAuditTrail(database.getCollection("audit"));
    }

    /** Moves the audit entries written with each change into the trail. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    AuditRelay auditRelay(MongoDatabase database) {
        return new AuditRelay(database.getCollection("participants"), database.getCollection("audit"), Duration.ofMillis(200));
    }

    @Bean
    ReadAuditTrail readAuditTrail(AuditTrail trail) {
        return new ReadAuditTrail(trail);
    }

    @Bean
    ParticipantRegistry participantRegistry(MongoDatabase database, MasterKey masterKey) {
        return new MongoParticipantRegistry(database.getCollection("participants"), new PersonalDataCipher(masterKey),
                new DuplicateFingerprint(masterKey));
    }

    @Bean
    EnrolParticipant enrolParticipant(ParticipantRegistry registry, ReadCatalogue catalogue, EventsPending eventsPending,
            MasterKey masterKey, AuditTrail audit, Clock clock) {
        return new EnrolParticipant(registry, catalogue, eventsPending, new KeyedRequestFingerprints(masterKey), audit, clock);
    }

    /** Idempotency-Keys are stored only as an HMAC under a key derived from the master key. */
    @Bean
    IdempotencyKey.Hashing idempotencyKeyHashing(MasterKey masterKey) {
        return IdempotencyKeyHashing.of(masterKey);
    }

    @Bean
    ChangeParticipant changeParticipant(ParticipantRegistry registry, ReadCatalogue catalogue, EventsPending eventsPending,
            Clock clock) {
        return new ChangeParticipant(registry, catalogue, eventsPending, clock);
    }

    @Bean
    ReadParticipants readParticipants(ParticipantRegistry registry, AuditTrail audit, Clock clock) {
        return new ReadParticipants(registry, audit, clock);
    }

    @Bean
    ScbParticipantFile scbParticipantFile(ParticipantRegistry registry, ReadCatalogue catalogue, AuditTrail audit, Clock clock) {
        return new ScbParticipantFile(registry, catalogue, audit, clock);
    }
}
