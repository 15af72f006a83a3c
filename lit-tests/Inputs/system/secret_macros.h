// A third-party header included as a system header: its secrets are not
// the user's to fix.
#define VENDOR_DEMO_PASSWORD "vendor-demo-1"
#define VENDOR_TOKEN "ghp_4fJ9kQ2mX7pL0sT8vW3yZ6bN1cD5eR8hU2aK"
static const char *vendor_api_key = "a1b2c3d4e5f6a7b8";
