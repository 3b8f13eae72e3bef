package dev.kobj.api.dispatch;

/**
 * An object body that can be waited on: it embeds a dispatcher object. The wait engine asks nothing
 * else of it, so no plugin code runs on the wait path.
 *
 * <p>{@link #dispatcherObject()} returns the same object for the body's whole life (a final field set by
 * its constructor): handle entries keep it beside the body.
 *
 * @since 0.1
 */
public interface Waitable {
    DispatcherObject dispatcherObject();
}
