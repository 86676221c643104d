package se.stegvis.service.web;

import java.util.function.Consumer;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read by their JSON types: a value of another type is a 400 naming the field, not something
 * Jackson turns into the field's type. Left to its defaults Jackson takes a number where text is expected as its
 * digits (an identity number sent as a number would enrol), {@code 1.7} for a whole number as 1, {@code "true"} and
 * {@code 1} for a boolean, and a number for an enum as the constant at that index (0 would be the first gender).
 * A whole number where a decimal is expected ({@code "hours": 2}) stays accepted: it is the same number.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonTypes {

    @Bean
    JsonMapperBuilderCustomizer strictJsonTypes() {
        return StrictJsonTypes::strict;
    }

    static void strict(JsonMapper.Builder builder) {
        builder.withCoercionConfig(LogicalType.Textual, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Integer, refuse(CoercionInputShape.Float, CoercionInputShape.String,
                        CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Float, refuse(CoercionInputShape.String, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Boolean, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.String))
                .withCoercionConfig(LogicalType.Enum, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.DateTime, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean));
    }

    private static Consumer<MutableCoercionConfig> refuse(CoercionInputShape... shapes) {
        return config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }
}
