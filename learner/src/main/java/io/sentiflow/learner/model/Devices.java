package io.sentiflow.learner.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Picks where the model trains: the first GPU when CUDA is present, else the CPU. */
public final class Devices {

  private Devices() {}

  /**
   * {@code auto}, {@code cpu} or {@code gpu}; {@code gpu} fails without a CUDA device.
   *
   * @param torchThreads PyTorch's intra- and inter-op threads, applied when this call is the first
   *     to load PyTorch in the JVM and no {@code ai.djl.pytorch.num_*threads} property is set. The
   *     learner's ops are small: extra threads mostly spin, taking CPU from the rest of the
   *     pipeline, so one thread is the usual choice.
   */
  public static Device resolve(String choice, int torchThreads) {
    // The PyTorch native library ships in the jar; never try to download one.
    System.getProperties().putIfAbsent("ai.djl.offline", "true");
    System.getProperties().putIfAbsent("ai.djl.pytorch.num_threads", String.valueOf(torchThreads));
    System.getProperties().putIfAbsent("ai.djl.pytorch.num_interop_threads", String.valueOf(torchThreads));
    Engine engine = Engine.getEngine("PyTorch");
    return switch (choice) {
      case "cpu" -> Device.cpu();
      case "gpu" -> {
        if (engine.getGpuCount() == 0) {
          throw new IllegalStateException("device gpu asked for, but PyTorch sees no CUDA device");
        }
        yield Device.gpu();
      }
      default -> engine.defaultDevice();
    };
  }

  /** {@code cpu} or {@code gpu(N)}. */
  public static String describe(Device device) {
    return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
  }
}
