/** The commented starter `modelgate.yaml` that `modelgate init` writes. */
export const STARTER_CONFIG = `# modelgate.yaml: the inventory of models this project may use.
# Every model here gets pinned in modelgate.lock (\`modelgate lock\`), checked
# (\`modelgate verify\`, \`modelgate scan\`) and only then served.
version: 1

models:
  # A folder (or single file) of model weights on disk:
  # tiny-llama:
  #   source: ./models/tiny-llama.gguf
  #
  # A Hugging Face hub repository, pinned to the commit the lock resolves.
  # HF_ENDPOINT and HF_TOKEN are read from the environment.
  # qwen-small:
  #   source: hf:Qwen/Qwen2.5-0.5B-Instruct@main
  #   include: ["*.safetensors", "*.json", "README.md", "LICENSE"]
  #
  # A hosted API model, pinned by the provider's version string:
  # deepseek-chat:
  #   provider: openai-compatible
  #   model: deepseek-chat
  #   version: "2025-05-28"
  #   base_url: https://api.deepseek.com/v1

scan:
  # Lowest severity that makes \`modelgate scan\` exit 1.
  fail_on: high
  # Extra module.name callables your own pickles may import.
  allow_globals: []
`;
