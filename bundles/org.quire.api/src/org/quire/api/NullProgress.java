package org.quire.api;

/** The silent, never-cancelled {@link Progress} behind {@link Progress#none()}. */
final class NullProgress implements Progress {
    static final NullProgress INSTANCE = new NullProgress();

    private NullProgress() {
    }

    @Override
    public void begin(String task, long total) {
    }

    @Override
    public void worked(long units) {
    }

    @Override
    public Progress split(long units) {
        return this;
    }

    @Override
    public void message(String message) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
