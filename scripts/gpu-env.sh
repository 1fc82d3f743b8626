# Point the engine of this shell at a CUDA 12.8 build of PyTorch 2.7.1, without saving anything.
#
#   source scripts/gpu-env.sh DIR     DIR: an unpacked libtorch (or its lib/), or pip's torch/lib
#
# Sets PYTORCH_LIBRARY_PATH, PYTORCH_VERSION=2.7.1 and PYTORCH_FLAVOR=cu128, and tells JNA where
# libcudart.so.12 is (the engine counts GPUs through it). `g2d2 engine use DIR` saves the same for
# every later command instead. Check with: g2d2 engine
(return 0 2>/dev/null) || { echo "source this script: source $0 DIR" >&2; exit 2; }

g2d2_gpu_env() {
  local dir="$1" lib="" d cudart=""
  if [ -z "$dir" ]; then
    echo "usage: source scripts/gpu-env.sh DIR (an unpacked libtorch, its lib/, or pip's torch/lib)" >&2
    return 2
  fi
  for d in "$dir" "$dir/lib" "$dir/torch/lib"; do
    if [ -f "$d/libtorch.so" ]; then lib=$(cd "$d" && pwd); break; fi
  done
  if [ -z "$lib" ]; then
    echo "error: no libtorch.so in $dir (nor in its lib/ or torch/lib/)" >&2
    return 2
  fi
  if [ ! -f "$lib/libc10_cuda.so" ] || [ ! -f "$lib/libtorch_cuda.so" ]; then
    echo "error: $lib holds a CPU-only PyTorch (no libc10_cuda.so / libtorch_cuda.so): it cannot use a GPU" >&2
    return 2
  fi
  # pip: site-packages/nvidia/cuda_runtime/lib/libcudart.so.12; libtorch archive: lib/libcudart-<hash>.so.12
  if [ -f "$lib/../../nvidia/cuda_runtime/lib/libcudart.so.12" ]; then
    cudart=$(cd "$lib/../../nvidia/cuda_runtime/lib" && pwd)
  else
    for d in "$lib"/libcudart-*.so.12*; do
      if [ -f "$d" ]; then
        cudart="${XDG_CACHE_HOME:-$HOME/.cache}/g2d2/cudart"
        mkdir -p "$cudart" && ln -sf "$d" "$cudart/libcudart.so.12"
        break
      fi
    done
  fi
  export PYTORCH_LIBRARY_PATH="$lib" PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR=cu128
  if [ -n "$cudart" ]; then
    export JAVA_TOOL_OPTIONS="-Djna.library.path=$cudart${JAVA_TOOL_OPTIONS:+ $JAVA_TOOL_OPTIONS}"
    export LD_LIBRARY_PATH="$cudart${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  fi
  echo "engine for this shell: $lib (cu128)${cudart:+, CUDA runtime in $cudart}; check with: g2d2 engine"
}
g2d2_gpu_env "$@"
