package se.stegvis.participant.participants.application;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.participant.audit.application.AuditTrail;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.audit.domain.AuditQuery;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import se.stegvis.participant.catalogue.application.ProjectCatalogue;
import se.stegvis.participant.catalogue.application.ReadCatalogue;
import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.ProjectCatalogueSeed;
import se.stegvis.participant.catalogue.domain.ProjectDefinition;
import se.stegvis.participant.participants.domain.EntryData.DeclarableAnswer;
import se.stegvis.participant.participants.domain.EntryData.EducationLevel;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.EntryData.LabourMarketStatus;
import se.stegvis.participant.participants.domain.EntryFacts;

/** The seeded projects as a read-only catalogue, for use-case tests without a store. */
public final class SeedProjects implements ProjectCatalogue {

    public static final Project UTVAG = ProjectCatalogueSeed.projects().get(0);
    /** STAFF of {@link #UTVAG}: who may act on its participants. */
    public static final Caller UTVAG_STAFF = new Caller("utvag-staff", Set.of(), Map.of(UTVAG.id(), ProjectRole.STAFF));

    /** An audit trail that keeps its entries in memory. */
    public static AuditTrail auditTrail() {
        List<AuditEntry> entries = new CopyOnWriteArrayList<>();
        return new AuditTrail() {
            @Override
            public void record(AuditEntry entry) {
                entries.add(entry);
            }

            @Override
            public List<AuditEntry> find(AuditQuery query) {
                return List.copyOf(entries);
            }
        };
    }

    public static ReadCatalogue catalogue() {
        return new ReadCatalogue(new SeedProjects());
    }

    /** Entry facts that {@link #UTVAG} takes, differing only in the gender. */
    public static EntryFacts facts(Gender gender) {
        return new EntryFacts(LocalDate.of(2025, 2, 3), "GANG_DEFECTOR", gender, LabourMarketStatus.LONG_TERM_UNEMPLOYED,
                EducationLevel.ISCED_0_2, DeclarableAnswer.DECLINED, DeclarableAnswer.NO, false, true, false, false);
    }

    @Override
    public Optional<Project> find(String projectId) {
        return all().stream().filter(project -> project.id().equals(projectId)).findFirst();
    }

    @Override
    public List<Project> all() {
        return ProjectCatalogueSeed.projects();
    }

    @Override
    public boolean store(ProjectDefinition definition) {
        throw new UnsupportedOperationException();
    }
}
