package dev.kobj.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public member of {@code kernel-api} that only {@code kernel-core} may call (the object
 * manager's side of the object header). Plugins and {@code win32} must not: an ArchUnit rule checks it.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface KernelInternal {
}
