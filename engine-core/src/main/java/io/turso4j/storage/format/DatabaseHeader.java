package io.turso4j.storage.format;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The 100-byte header at the start of page 1. See <a
 * href="https://www.sqlite.org/fileformat2.html#the_database_header">fileformat2, "The
 * Database Header"</a>. All integers are big-endian.
 *
 * <pre>
 * offset size field                          constant
 *   0    16  "SQLite format 3\0"               MAGIC_OFFSET
 *  16     2  page size; 1 stands for 65536     PAGE_SIZE_OFFSET
 *  18     1  write version: 1 rollback, 2 WAL  WRITE_VERSION_OFFSET
 *  19     1  read version:  1 rollback, 2 WAL  READ_VERSION_OFFSET
 *  20     1  bytes reserved at each page end   RESERVED_BYTES_OFFSET
 *  21     1  max embedded payload fraction=64  MAX_PAYLOAD_FRACTION_OFFSET
 *  22     1  min embedded payload fraction=32  MIN_PAYLOAD_FRACTION_OFFSET
 *  23     1  leaf payload fraction, =32        LEAF_PAYLOAD_FRACTION_OFFSET
 *  24     4  file change counter               CHANGE_COUNTER_OFFSET
 *  28     4  database size in pages            DATABASE_SIZE_OFFSET
 *  32     4  first freelist trunk page, or 0   FIRST_FREELIST_TRUNK_OFFSET
 *  36     4  number of freelist pages          FREELIST_COUNT_OFFSET
 *  40     4  schema cookie                     SCHEMA_COOKIE_OFFSET
 *  44     4  schema format number, 1..4        SCHEMA_FORMAT_OFFSET
 *  48     4  default page cache size           DEFAULT_CACHE_SIZE_OFFSET
 *  52     4  largest root page if auto_vacuum  LARGEST_ROOT_PAGE_OFFSET
 *            (0 means auto_vacuum is off)
 *  56     4  text encoding: 1 UTF-8,           TEXT_ENCODING_OFFSET
 *            2 UTF-16le, 3 UTF-16be
 *  60     4  user version (PRAGMA user_version) USER_VERSION_OFFSET
 *  64     4  incremental vacuum if non-zero    INCREMENTAL_VACUUM_OFFSET
 *  68     4  application id                    APPLICATION_ID_OFFSET
 *  72    20  reserved for expansion, zero      RESERVED_EXPANSION_OFFSET
 *  92     4  version-valid-for: the change     VERSION_VALID_FOR_OFFSET
 *            counter when offset 96 was set
 *  96     4  SQLITE_VERSION_NUMBER of the      SQLITE_VERSION_OFFSET
 *            last writer
 * </pre>
 *
 * <p>The database size at offset 28 is trusted only when it is non-zero and the change counter
 * equals version-valid-for ({@link #databaseSizeValid()}); otherwise readers compute it from
 * the file size, as SQLite does for files written by old versions.
 *
 * <p>An immutable value; any thread. The pager keeps page 1 in a buffer and may also patch
 * single fields in place through the offset constants.
 *
 * @param pageSize bytes per page, a power of two in 512..65536 (65536 is stored as 1)
 * @param writeVersion 1 legacy (rollback journal) or 2 WAL
 * @param readVersion 1 legacy or 2 WAL
 * @param reservedBytes unused bytes at the end of each page (for extensions), 0..255
 * @param maxPayloadFraction must be 64
 * @param minPayloadFraction must be 32
 * @param leafPayloadFraction must be 32
 * @param changeCounter incremented on every commit in rollback mode
 * @param databaseSize size of the database in pages
 * @param firstFreelistTrunk page number of the first freelist trunk page, 0 if none
 * @param freelistCount total number of freelist pages (trunks and leaves)
 * @param schemaCookie incremented on every schema change
 * @param schemaFormat 1..4
 * @param defaultCacheSize suggested page cache size
 * @param largestRootPage the largest root page when auto_vacuum is on, else 0
 * @param textEncoding {@link #ENCODING_UTF8}, {@link #ENCODING_UTF16LE} or {@link
 *     #ENCODING_UTF16BE}; 0 in a header that has no schema yet
 * @param userVersion the user version
 * @param incrementalVacuum non-zero for incremental vacuum mode (only with auto_vacuum on)
 * @param applicationId the application id
 * @param versionValidFor the change counter value when {@code sqliteVersion} was stored
 * @param sqliteVersion SQLITE_VERSION_NUMBER of the library that last wrote the file
 */
public record DatabaseHeader(
        int pageSize,
        int writeVersion,
        int readVersion,
        int reservedBytes,
        int maxPayloadFraction,
        int minPayloadFraction,
        int leafPayloadFraction,
        long changeCounter,
        long databaseSize,
        long firstFreelistTrunk,
        long freelistCount,
        long schemaCookie,
        int schemaFormat,
        int defaultCacheSize,
        long largestRootPage,
        int textEncoding,
        int userVersion,
        long incrementalVacuum,
        int applicationId,
        long versionValidFor,
        int sqliteVersion) {

    /** The header's size in bytes; on page 1 the B-tree page header starts here. */
    public static final int SIZE = 100;

    public static final int MAGIC_OFFSET = 0;
    public static final int PAGE_SIZE_OFFSET = 16;
    public static final int WRITE_VERSION_OFFSET = 18;
    public static final int READ_VERSION_OFFSET = 19;
    public static final int RESERVED_BYTES_OFFSET = 20;
    public static final int MAX_PAYLOAD_FRACTION_OFFSET = 21;
    public static final int MIN_PAYLOAD_FRACTION_OFFSET = 22;
    public static final int LEAF_PAYLOAD_FRACTION_OFFSET = 23;
    public static final int CHANGE_COUNTER_OFFSET = 24;
    public static final int DATABASE_SIZE_OFFSET = 28;
    public static final int FIRST_FREELIST_TRUNK_OFFSET = 32;
    public static final int FREELIST_COUNT_OFFSET = 36;
    public static final int SCHEMA_COOKIE_OFFSET = 40;
    public static final int SCHEMA_FORMAT_OFFSET = 44;
    public static final int DEFAULT_CACHE_SIZE_OFFSET = 48;
    public static final int LARGEST_ROOT_PAGE_OFFSET = 52;
    public static final int TEXT_ENCODING_OFFSET = 56;
    public static final int USER_VERSION_OFFSET = 60;
    public static final int INCREMENTAL_VACUUM_OFFSET = 64;
    public static final int APPLICATION_ID_OFFSET = 68;
    public static final int RESERVED_EXPANSION_OFFSET = 72;
    public static final int RESERVED_EXPANSION_SIZE = 20;
    public static final int VERSION_VALID_FOR_OFFSET = 92;
    public static final int SQLITE_VERSION_OFFSET = 96;

    /** The 16 magic bytes, NUL included. */
    public static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    public static final int MIN_PAGE_SIZE = 512;
    public static final int MAX_PAGE_SIZE = 65536;
    /** SQLite's default page size. */
    public static final int DEFAULT_PAGE_SIZE = 4096;
    /** The smallest usable size (page size minus reserved bytes) SQLite accepts. */
    public static final int MIN_USABLE_SIZE = 480;

    public static final int VERSION_LEGACY = 1;
    public static final int VERSION_WAL = 2;

    public static final int ENCODING_UTF8 = 1;
    public static final int ENCODING_UTF16LE = 2;
    public static final int ENCODING_UTF16BE = 3;

    /** The only payload fractions the format allows. */
    public static final int MAX_PAYLOAD_FRACTION = 64;
    public static final int MIN_PAYLOAD_FRACTION = 32;
    public static final int LEAF_PAYLOAD_FRACTION = 32;

    /** The schema format SQLite writes for new databases (allows serial types 8 and 9). */
    public static final int CURRENT_SCHEMA_FORMAT = 4;
    /** SQLite's default for {@code default_cache_size} is 0 ("use the compiled-in default"). */
    public static final int DEFAULT_CACHE_SIZE = 0;

    /**
     * Checks the fields that make the file readable at all; see {@link #decode} for the list.
     */
    public DatabaseHeader {
        validate(pageSize, readVersion, reservedBytes, maxPayloadFraction, minPayloadFraction,
                leafPayloadFraction, textEncoding);
    }

    /**
     * The header SQLite writes when it creates a database of one page (an empty schema).
     *
     * @param sqliteVersion the SQLITE_VERSION_NUMBER to record as last writer
     */
    public static DatabaseHeader forNewDatabase(int pageSize, int reservedBytes, int sqliteVersion) {
        return new DatabaseHeader(pageSize, VERSION_LEGACY, VERSION_LEGACY, reservedBytes,
                MAX_PAYLOAD_FRACTION, MIN_PAYLOAD_FRACTION, LEAF_PAYLOAD_FRACTION,
                1, 1, 0, 0, 0, CURRENT_SCHEMA_FORMAT, DEFAULT_CACHE_SIZE, 0, ENCODING_UTF8,
                0, 0, 0, 1, sqliteVersion);
    }

    /**
     * Decodes and validates the first {@value #SIZE} bytes of {@code s}.
     *
     * <p>Refused, as SQLite refuses them ("file is not a database", page 1): fewer than 100
     * bytes, wrong magic, a page size that is not a power of two in 512..65536, a read version
     * above 2, payload fractions other than 64/32/32, a usable size below 480 bytes, and a text
     * encoding other than 0..3.
     *
     * @throws CorruptDatabaseException if the header is malformed
     */
    public static DatabaseHeader decode(MemorySegment s) {
        if (s.byteSize() < SIZE) {
            throw CorruptDatabaseException.notADatabase("file header truncated to " + s.byteSize() + " bytes");
        }
        if (s.asSlice(MAGIC_OFFSET, MAGIC.length).mismatch(MemorySegment.ofArray(MAGIC)) != -1) {
            throw CorruptDatabaseException.notADatabase("bad magic");
        }
        int storedPageSize = BigEndian.u16(s, PAGE_SIZE_OFFSET);
        return new DatabaseHeader(
                storedPageSize == 1 ? MAX_PAGE_SIZE : storedPageSize,
                BigEndian.u8(s, WRITE_VERSION_OFFSET),
                BigEndian.u8(s, READ_VERSION_OFFSET),
                BigEndian.u8(s, RESERVED_BYTES_OFFSET),
                BigEndian.u8(s, MAX_PAYLOAD_FRACTION_OFFSET),
                BigEndian.u8(s, MIN_PAYLOAD_FRACTION_OFFSET),
                BigEndian.u8(s, LEAF_PAYLOAD_FRACTION_OFFSET),
                BigEndian.u32(s, CHANGE_COUNTER_OFFSET),
                BigEndian.u32(s, DATABASE_SIZE_OFFSET),
                BigEndian.u32(s, FIRST_FREELIST_TRUNK_OFFSET),
                BigEndian.u32(s, FREELIST_COUNT_OFFSET),
                BigEndian.u32(s, SCHEMA_COOKIE_OFFSET),
                BigEndian.i32(s, SCHEMA_FORMAT_OFFSET),
                BigEndian.i32(s, DEFAULT_CACHE_SIZE_OFFSET),
                BigEndian.u32(s, LARGEST_ROOT_PAGE_OFFSET),
                BigEndian.i32(s, TEXT_ENCODING_OFFSET),
                BigEndian.i32(s, USER_VERSION_OFFSET),
                BigEndian.u32(s, INCREMENTAL_VACUUM_OFFSET),
                BigEndian.i32(s, APPLICATION_ID_OFFSET),
                BigEndian.u32(s, VERSION_VALID_FOR_OFFSET),
                BigEndian.i32(s, SQLITE_VERSION_OFFSET));
    }

    /** {@link #decode(MemorySegment)} over a heap array. */
    public static DatabaseHeader decode(byte[] bytes) {
        return decode(MemorySegment.ofArray(bytes));
    }

    /** Writes all {@value #SIZE} bytes at the start of {@code s}, the expansion area zeroed. */
    public void encode(MemorySegment s) {
        MemorySegment.copy(MemorySegment.ofArray(MAGIC), 0, s, MAGIC_OFFSET, MAGIC.length);
        BigEndian.putU16(s, PAGE_SIZE_OFFSET, pageSize == MAX_PAGE_SIZE ? 1 : pageSize);
        BigEndian.putU8(s, WRITE_VERSION_OFFSET, writeVersion);
        BigEndian.putU8(s, READ_VERSION_OFFSET, readVersion);
        BigEndian.putU8(s, RESERVED_BYTES_OFFSET, reservedBytes);
        BigEndian.putU8(s, MAX_PAYLOAD_FRACTION_OFFSET, maxPayloadFraction);
        BigEndian.putU8(s, MIN_PAYLOAD_FRACTION_OFFSET, minPayloadFraction);
        BigEndian.putU8(s, LEAF_PAYLOAD_FRACTION_OFFSET, leafPayloadFraction);
        BigEndian.putU32(s, CHANGE_COUNTER_OFFSET, changeCounter);
        BigEndian.putU32(s, DATABASE_SIZE_OFFSET, databaseSize);
        BigEndian.putU32(s, FIRST_FREELIST_TRUNK_OFFSET, firstFreelistTrunk);
        BigEndian.putU32(s, FREELIST_COUNT_OFFSET, freelistCount);
        BigEndian.putU32(s, SCHEMA_COOKIE_OFFSET, schemaCookie);
        BigEndian.putU32(s, SCHEMA_FORMAT_OFFSET, schemaFormat);
        BigEndian.putU32(s, DEFAULT_CACHE_SIZE_OFFSET, defaultCacheSize);
        BigEndian.putU32(s, LARGEST_ROOT_PAGE_OFFSET, largestRootPage);
        BigEndian.putU32(s, TEXT_ENCODING_OFFSET, textEncoding);
        BigEndian.putU32(s, USER_VERSION_OFFSET, userVersion);
        BigEndian.putU32(s, INCREMENTAL_VACUUM_OFFSET, incrementalVacuum);
        BigEndian.putU32(s, APPLICATION_ID_OFFSET, applicationId);
        s.asSlice(RESERVED_EXPANSION_OFFSET, RESERVED_EXPANSION_SIZE).fill((byte) 0);
        BigEndian.putU32(s, VERSION_VALID_FOR_OFFSET, versionValidFor);
        BigEndian.putU32(s, SQLITE_VERSION_OFFSET, sqliteVersion);
    }

    /** The header as a fresh {@value #SIZE}-byte array. */
    public byte[] toByteArray() {
        byte[] bytes = new byte[SIZE];
        encode(MemorySegment.ofArray(bytes));
        return bytes;
    }

    /** Page size minus reserved bytes: the "U" of the format's payload formulas. */
    public int usableSize() {
        return pageSize - reservedBytes;
    }

    /** Whether {@link #databaseSize()} may be trusted (else derive it from the file size). */
    public boolean databaseSizeValid() {
        return databaseSize != 0 && changeCounter == versionValidFor;
    }

    /** Whether auto_vacuum (FULL or INCREMENTAL) is on, so pointer-map pages exist. */
    public boolean autoVacuum() {
        return largestRootPage != 0;
    }

    /** Whether auto_vacuum is INCREMENTAL rather than FULL. */
    public boolean incrementalVacuumMode() {
        return autoVacuum() && incrementalVacuum != 0;
    }

    /** Whether the file is in WAL mode (both versions 2). */
    public boolean walMode() {
        return writeVersion == VERSION_WAL && readVersion == VERSION_WAL;
    }

    /**
     * Whether the header on {@code page1} no longer describes a WAL-mode database of {@code
     * pageCount} pages: its size, version-valid-for or WAL versions are wrong.
     */
    public static boolean isStaleForWalCommit(MemorySegment page1, int pageCount) {
        return BigEndian.u32(page1, DATABASE_SIZE_OFFSET) != pageCount
                || BigEndian.u32(page1, VERSION_VALID_FOR_OFFSET) != BigEndian.u32(page1, CHANGE_COUNTER_OFFSET)
                || BigEndian.u8(page1, WRITE_VERSION_OFFSET) != VERSION_WAL
                || BigEndian.u8(page1, READ_VERSION_OFFSET) != VERSION_WAL;
    }

    /**
     * Stamps the fields a WAL-mode commit owns into the header on {@code page1}: the change
     * counter moved on, the size ({@code pageCount}) valid for it, both versions WAL, and
     * {@code sqliteVersion} as the last writer.
     */
    public static void stampWalCommit(MemorySegment page1, int pageCount, int sqliteVersion) {
        long counter = (BigEndian.u32(page1, CHANGE_COUNTER_OFFSET) + 1) & 0xffffffffL;
        BigEndian.putU8(page1, WRITE_VERSION_OFFSET, VERSION_WAL);
        BigEndian.putU8(page1, READ_VERSION_OFFSET, VERSION_WAL);
        BigEndian.putU32(page1, CHANGE_COUNTER_OFFSET, counter);
        BigEndian.putU32(page1, DATABASE_SIZE_OFFSET, pageCount);
        BigEndian.putU32(page1, VERSION_VALID_FOR_OFFSET, counter);
        BigEndian.putU32(page1, SQLITE_VERSION_OFFSET, sqliteVersion);
    }

    /** Whether {@code pageSize} is one SQLite allows: a power of two in 512..65536. */
    public static boolean isValidPageSize(int pageSize) {
        return pageSize >= MIN_PAGE_SIZE && pageSize <= MAX_PAGE_SIZE && Integer.bitCount(pageSize) == 1;
    }

    private static void validate(int pageSize, int readVersion, int reservedBytes,
            int maxFraction, int minFraction, int leafFraction, int textEncoding) {
        if (!isValidPageSize(pageSize)) {
            throw CorruptDatabaseException.notADatabase("invalid page size " + pageSize);
        }
        if (readVersion < VERSION_LEGACY || readVersion > VERSION_WAL) {
            throw CorruptDatabaseException.notADatabase("unsupported read version " + readVersion);
        }
        if (reservedBytes < 0 || reservedBytes > 255 || pageSize - reservedBytes < MIN_USABLE_SIZE) {
            throw CorruptDatabaseException.notADatabase(
                    "reserved bytes " + reservedBytes + " leave a usable size below " + MIN_USABLE_SIZE);
        }
        if (maxFraction != MAX_PAYLOAD_FRACTION || minFraction != MIN_PAYLOAD_FRACTION
                || leafFraction != LEAF_PAYLOAD_FRACTION) {
            throw CorruptDatabaseException.notADatabase("payload fractions must be 64, 32, 32");
        }
        if (textEncoding < 0 || textEncoding > ENCODING_UTF16BE) {
            throw CorruptDatabaseException.notADatabase("unknown text encoding " + textEncoding);
        }
    }
}
