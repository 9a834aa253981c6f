using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FamilyGuardianship : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseFamilies",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Support = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFamilies", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_CaseFamilies_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FamilyChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyChanges_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FamilyMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsLegalGuardian = table.Column<bool>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Residence = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LivesWithMinor = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyMembers_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyChanges_CaseId",
                table: "FamilyChanges",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMembers_CaseId",
                table: "FamilyMembers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMembers_Phone",
                table: "FamilyMembers",
                column: "Phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseFamilies");

            migrationBuilder.DropTable(
                name: "FamilyChanges");

            migrationBuilder.DropTable(
                name: "FamilyMembers");
        }
    }
}
