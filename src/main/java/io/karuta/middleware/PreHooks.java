package io.karuta.middleware;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Runs the configured {@code prehooks} before the annotated built-in step, which then only runs if
 * no hook called {@link RequestContext#skipResponseHook()}.
 *
 * <p>The annotated method takes exactly one argument, an {@link AnnounceContext} or a {@link
 * ScrapeContext}, and returns nothing.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface PreHooks {}
