package se.stegvis.registry.adapter.in.web;

import java.util.Map;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.stegvis.registry.domain.SubjectNames;

/**
 * Checks the {@code {subject}} of every path that has one before the handler runs, and so before its body is read,
 * parsed or anything is written: a malformed name is Confluent's 42208 (see {@link SubjectNames}).
 */
public class SubjectNameCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.containsKey("subject")) {
            SubjectNames.check((String) variables.get("subject"));
        }
        return true;
    }
}
