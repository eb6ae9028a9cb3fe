package cn.tiaojie.notify.service.channel;

/** The channel refused the notice for good: retrying cannot help, the dispatcher falls back at once. */
public class PermanentFailure extends Exception {

    public PermanentFailure(String message) {
        super(message);
    }
}
