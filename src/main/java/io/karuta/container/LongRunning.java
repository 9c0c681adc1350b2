package io.karuta.container;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The thread factory for threads that live as long as the application, such as the UDP worker loop:
 * the container's default {@code ManagedThreadFactory}. Such a thread does not hold a thread of the
 * shared managed executor, and no hung-task detection applies to it.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE})
public @interface LongRunning {}
