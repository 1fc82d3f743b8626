package org.g2d2.app.vm;

/** What a save command did: started writing, or stopped because the file exists and overwriting was not confirmed. */
public enum SaveStatus {
    STARTED, EXISTS, NOTHING_TO_SAVE
}
