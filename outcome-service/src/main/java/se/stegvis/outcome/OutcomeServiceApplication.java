package se.stegvis.outcome;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OutcomeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutcomeServiceApplication.class, args);
    }
}
