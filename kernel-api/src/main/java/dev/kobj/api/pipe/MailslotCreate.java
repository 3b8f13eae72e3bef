package dev.kobj.api.pipe;

/**
 * The extra parameters of a mailslot's create (NtCreateMailslotFile), passed as
 * {@link dev.kobj.api.io.CreateParameters#extra} to the mailslot file system (nt-semantics.md §7.3).
 *
 * @param maximumMessageSize largest message a client may write; 0 = any size
 * @param readTimeout        how long a read waits for a message, in 100 ns units (0: not at all), or
 *                           {@link dev.kobj.api.dispatch.WaitService#INFINITE}
 * @since 0.1
 */
public record MailslotCreate(int maximumMessageSize, long readTimeout) {
}
