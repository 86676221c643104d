package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docker-compose.yml runs the same image tags that the Testcontainers suites use (the root pom's image.* properties). */
class ImageTagsTest {

    @Test
    void compose_uses_exactly_the_image_tags_of_the_root_pom() throws IOException {
        String pom = Files.readString(Path.of("../pom.xml"));
        String compose = Files.readString(Path.of("../docker-compose.yml"));
        for (String name : List.of("image.kafka", "image.schema-registry", "image.mongo", "image.keycloak")) {
            Matcher tag = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
            assertThat(tag.find()).as(name + " in pom.xml").isTrue();
            assertThat(tag.group(1)).as(name).matches("[a-z0-9./-]+:[0-9][0-9.]*");
            assertThat(compose).as(name).containsPattern("(?m)^\\s+image: " + Pattern.quote(tag.group(1)) + "\\s*$");
        }
    }
}
