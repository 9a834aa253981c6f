using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationTreeStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OrgTreeStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgTreeStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "OrgTreeStamps",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrgTreeStamps");
        }
    }
}
