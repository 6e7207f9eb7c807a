package io.turso4j.vdbe;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.btree.CompactImage;
import io.turso4j.storage.btree.ImageFile;
import io.turso4j.storage.btree.ImageInstall;
import io.turso4j.storage.pager.Pager;
import io.turso4j.value.Register;

/**
 * {@link Opcode#Vacuum}, SQLite's OP_Vacuum: builds a {@link CompactImage} of the main
 * database, then either writes it over the database in the statement's write transaction
 * ({@link ImageInstall}) or into a new file ({@link ImageFile}, VACUUM INTO).
 *
 * <p>The work spans many steps when pages must be read: the image, the install and the file
 * are kept here between steps that return IO, and {@link #reset} drops them (closing the
 * file) when the statement is reset or fails. Not thread-safe: one VM, one thread.
 */
final class VacuumOp {
    private final VmContext context;
    private CompactImage image;
    private ImageInstall install;
    private ImageFile file;

    VacuumOp(VmContext context) {
        this.context = context;
    }

    /** Runs (or resumes) the VACUUM; {@code into} is the target file name, or null for in place. */
    void run(Register into, VacuumTrees trees) {
        try {
            if (!context.isAutocommit()) {
                throw new SqliteException(ResultCode.ERROR, "cannot VACUUM from within a transaction");
            }
            if (context.activeStatements() > 1) {
                throw new SqliteException(ResultCode.ERROR, "cannot VACUUM - SQL statements in progress");
            }
            if (into == null) {
                inPlace(trees);
            } else {
                into(into, trees);
            }
            reset();
        } catch (IoPending pending) {
            throw pending;
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    private void inPlace(VacuumTrees trees) {
        Pager pager = context.pager();
        if (pager == null || pager.pageCount() == 0) {
            return;
        }
        BTree btree = context.btree();
        if (image == null) {
            image = new CompactImage(btree, pager, trees.indexTrees(), context.settings().nextAutoVacuum());
        }
        image.run();
        if (install == null) {
            install = new ImageInstall(pager, image);
        }
        install.run();
        btree.pagesRolledBack();
        context.schemaChanged();
    }

    private void into(Register name, VacuumTrees trees) {
        if (file == null) {
            if (name.type() != io.turso4j.value.ValueType.TEXT) {
                throw new SqliteException(ResultCode.ERROR, "non-text filename");
            }
            String path = name.toText();
            if (path.isEmpty()) {
                return; // SQLite vacuums into a temporary file that is deleted at once
            }
            file = new ImageFile(context.tempIo(), path);
        }
        file.open();
        Pager pager = context.pager();
        if (image == null) {
            image = new CompactImage(context.btree(), pager, trees.indexTrees(), context.settings().nextAutoVacuum());
        }
        image.run();
        file.write(image);
    }

    void reset() {
        if (file != null) {
            file.abandon();
            file = null;
        }
        install = null;
        if (image != null) {
            image.close();
            image = null;
        }
    }
}
