package io.turso4j.storage.wal;

import io.turso4j.completion.Completion;

/**
 * The I/O of one chunk of frames handed to the {@link Wal}: {@code written} completes when
 * the frames are written, {@code durable} when they are also durable (the same completion
 * when the frames need no sync, or when one durable write did both). A failure of {@code
 * written} is a write error; a failure of {@code durable} alone is a sync error.
 */
public record FrameWrite(Completion written, Completion durable) {}
