package org.mnistlab.training;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:diskfull:/path/db}) over the real one whose writes fail with "No space left
 * on device" while {@link #full} is set, so H2 meets a full disk exactly as it would on a real one.
 */
public final class DiskFullFileSystem extends FilePathWrapper {

    public static final String SCHEME = "diskfull";

    /** Shared by every path of this scheme: H2 creates the paths, the test holds the registered instance. */
    private Disk disk;

    public static final class Disk {
        public volatile boolean full;
    }

    /** For H2, which makes each path with this constructor; {@link #getPath} and {@link #wrap} hand on the disk. */
    public DiskFullFileSystem() {
    }

    private DiskFullFileSystem(Disk disk) {
        this.disk = disk;
    }

    /** Registers the scheme with H2 and returns the switch of its disk. */
    public static Disk register() {
        Disk disk = new Disk();
        FilePath.register(new DiskFullFileSystem(disk));
        return disk;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FilePathWrapper wrap(FilePath base) {
        DiskFullFileSystem wrapped = (DiskFullFileSystem) super.wrap(base);
        wrapped.disk = disk;
        return wrapped;
    }

    @Override
    public FilePathWrapper getPath(String path) {
        DiskFullFileSystem wrapped = (DiskFullFileSystem) super.getPath(path);
        wrapped.disk = disk;
        return wrapped;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode), disk);
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;
        private final Disk disk;

        Channel(FileChannel base, Disk disk) {
            this.base = base;
            this.disk = disk;
        }

        private void checkSpace() throws IOException {
            if (disk.full) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public synchronized int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            checkSpace();
            return base.write(src);
        }

        @Override
        public synchronized int write(ByteBuffer src, long position) throws IOException {
            checkSpace();
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            checkSpace();
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
