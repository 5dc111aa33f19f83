package io.sentiflow.learner.model;

/** One training example as the model sees it: hashed feature ids and the class index. */
public record LabelledIds(int[] ids, int label) {}
