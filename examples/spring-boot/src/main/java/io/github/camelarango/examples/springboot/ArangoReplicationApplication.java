package io.github.camelarango.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application capturing the changes of an ArangoDB collection; configured in
 * {@code application.properties}. Run: {@code mvn -f examples/spring-boot/pom.xml spring-boot:run}.
 */
@SpringBootApplication
public class ArangoReplicationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ArangoReplicationApplication.class, args);
    }
}
