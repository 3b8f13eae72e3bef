package dev.kobj.api.pipe;

/**
 * What an end knows of its pipe (FilePipeLocalInformation with FilePipeInformation's modes):
 * type (0 byte, 1 message), configuration (0 inbound, 1 outbound, 2 duplex), instances, quotas, bytes
 * readable, state, which end, and the end's read mode (0 byte, 1 message) and completion mode (0 wait,
 * 1 nowait).
 *
 * @since 0.1
 */
public record PipeInformation(int namedPipeType, int namedPipeConfiguration, int maximumInstances,
        int currentInstances, int inboundQuota, int readDataAvailable, int outboundQuota, int writeQuotaAvailable,
        int namedPipeState, int namedPipeEnd, int readMode, int completionMode) {
}
