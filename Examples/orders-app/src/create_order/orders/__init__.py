"""Order model and persistence shared by the create-order handler."""
